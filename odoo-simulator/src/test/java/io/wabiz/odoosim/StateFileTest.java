package io.wabiz.odoosim;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.OdooVersion;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database survives a restart when a data folder is set. */
@SuppressWarnings("unchecked")
class StateFileTest {

    private static OdooServer server() {
        return new OdooServer(new OdooServer.Settings(OdooVersion.of("17.0"), "wabiz", List.of(new OdooServer.User(2,
                "api-user", "Admin", "pw", "key", true, List.of(1L), "en_US", "UTC")), true, "paid", false),
                Clock.systemUTC());
    }

    @Test
    void readsBackOrdersCustomFieldsAndSequences(@TempDir Path folder) {
        OdooServer before = server();
        Object order = before.dispatch("object", "execute_kw", List.of("wabiz", 2L, "key", "sale.order", "create",
                List.of(Map.of("partner_id", 42L, "order_line", List.of(List.of(0L, 0L, Map.of("product_id", 88L)))))),
                "127.0.0.1");
        before.dispatch("object", "execute_kw", List.of("wabiz", 2L, "key", "ir.model.fields", "create",
                List.of(Map.of("model_id", 492L, "name", "x_note", "field_description", "Note", "ttype", "char"))),
                "127.0.0.1");
        new StateFile(folder).saveIfChanged(before);

        OdooServer after = server();
        assertThat(new StateFile(folder).restore(after)).isTrue();

        Object read = after.dispatch("object", "execute_kw", List.of("wabiz", 2L, "key", "sale.order", "read",
                List.of(List.of(order), List.of("name", "amount_total", "date_order", "x_note"))), "127.0.0.1");
        assertThat((List<Map<String, Object>>) read).singleElement().satisfies(row -> {
            assertThat(row.get("name")).isEqualTo("S00001");
            assertThat(row.get("amount_total")).isEqualTo(5900.0);
            assertThat(row.get("x_note")).isEqualTo(false);
        });
        Object next = after.dispatch("object", "execute_kw", List.of("wabiz", 2L, "key", "sale.order", "create",
                List.of(Map.of("partner_id", 42L))), "127.0.0.1");
        assertThat(next).isEqualTo(((Long) order) + 1);
    }
}
