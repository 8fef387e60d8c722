package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.RpcMethod;
import io.wabiz.odoosim.orm.Transaction;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code res.partner}: contacts under a company show as {@code "Company, Contact"}; the commercial entity. */
final class Partners implements ModelBehaviour {

    @Override
    public void applyDefaults(Transaction tx, Map<String, Object> values) {
        values.putIfAbsent("active", Boolean.TRUE);
        values.putIfAbsent("is_company", Boolean.FALSE);
        values.putIfAbsent("type", "contact");
        Object lang = tx.env().context("lang");
        values.putIfAbsent("lang", lang instanceof String s && (s.equals("fr_FR") || s.equals("en_US")) ? s : "en_US");
    }

    @Override
    public void created(Transaction tx, long id) {
        recomputeCommercial(tx, id);
    }

    @Override
    public void written(Transaction tx, Collection<Long> ids, Set<String> fields) {
        if (fields.contains("parent_id") || fields.contains("is_company")) {
            ids.forEach(id -> recomputeCommercial(tx, id));
        }
    }

    private static void recomputeCommercial(Transaction tx, long id) {
        Map<String, Object> row = tx.row("res.partner", id);
        long commercial = id;
        Long parent = Rows.id(row, "parent_id");
        int depth = 0;
        while (!Rows.flag(tx.row("res.partner", commercial), "is_company") && parent != null && depth++ < 20) {
            commercial = parent;
            parent = Rows.id(tx.row("res.partner", parent), "parent_id");
        }
        tx.update("res.partner", id, Map.of("commercial_partner_id", commercial), false);
        for (Long child : tx.children("res.partner", "parent_id", id)) {
            recomputeCommercial(tx, child);
        }
    }

    @Override
    public Object compute(Transaction tx, long id, Field field) {
        if (field.name().equals("complete_name")) {
            return io.wabiz.odoosim.orm.Orm.displayName(tx, "res.partner", id);
        }
        return null;
    }

    @Override
    public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
        String name = Rows.string(values, "name");
        Long parent = Rows.id(values, "parent_id");
        if (parent != null && !Rows.flag(values, "is_company")) {
            Map<String, Object> parentRow = tx.row("res.partner", parent);
            String parentName = parentRow == null ? null : displayName(tx, model, parent, parentRow);
            return parentName + ", " + (name == null ? "" : name);
        }
        return name == null ? "" : name;
    }

    @Override
    public Optional<RpcMethod> method(String name) {
        return name.equals("message_post") ? Optional.of(Chatter.messagePost("res.partner")) : Optional.empty();
    }
}
