package io.wabiz.odoosim.orm;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a model does beyond plain CRUD: defaults, recomputations, constraints, buttons and wizards. */
public interface ModelBehaviour {

    ModelBehaviour NONE = new ModelBehaviour() {
    };

    /** Fills what a create left out (sequence numbers, dates, the company, the currency). */
    default void applyDefaults(Transaction tx, Map<String, Object> values) {
    }

    /** After a record was created (one2many commands already applied). */
    default void created(Transaction tx, long id) {
    }

    /** After records were written: recompute stored totals, check constraints. */
    default void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
    }

    /** Before records are deleted: refuse what Odoo refuses. */
    default void unlinking(Transaction tx, Collection<Long> ids) {
    }

    /** After records were deleted, with their last values (to recompute what pointed at them). */
    default void deleted(Transaction tx, Map<Long, Map<String, Object>> rows) {
    }

    /** A field that is not stored: computed each time it is read. */
    default Object compute(Transaction tx, long id, Field field) {
        return null;
    }

    /** What a many2one to this record shows next to its id: the {@code name}, else {@code model,id}. */
    default String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        Object name = values.get("name");
        return name instanceof String s ? s : model.name() + "," + id;
    }

    /** A public method beyond the ORM's own (search, read, write ...). */
    default Optional<RpcMethod> method(String name) {
        return Optional.empty();
    }
}
