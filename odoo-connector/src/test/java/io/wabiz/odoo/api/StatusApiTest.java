package io.wabiz.odoo.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.odoo.ServiceTest;
import io.wabiz.odoo.health.DatabaseCheck;
import io.wabiz.odoosim.odoo.WhatsAppFields;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The status API behind the platform's security, and the custom fields everyone agrees on. */
class StatusApiTest extends ServiceTest {

    @Test
    void showsTheLinkToStaffAndLetsOnlyAnAdministratorResume() {
        assertThat(http("GET", "/api/odoo/status", null, null).statusCode()).isEqualTo(401);
        var status = http("GET", "/api/odoo/status", AGENT, null);
        assertThat(status.statusCode()).isEqualTo(200);
        assertThat(status.body()).contains("\"database\":\"wabiz\"", "\"login\":\"api-user\"", "sale.order",
                "\"missingFields\":{}").doesNotContain("local-odoo-api-key");
        assertThat(http("POST", "/api/odoo/resume", AGENT, null).statusCode()).isEqualTo(403);
        assertThat(http("POST", "/api/odoo/resume", ADMIN, null).statusCode()).isEqualTo(200);
        assertThat(http("POST", "/api/odoo/resync?model=stock.picking", ADMIN, null).statusCode()).isEqualTo(400);
    }

    @Test
    void theAddonTheStandInAndTheConnectorKnowTheSameCustomFields() throws Exception {
        String xml = Files.readString(Path.of("odoo-addon/wabiz_whatsapp/data/ir_model_fields.xml"));
        Set<String> addon = new TreeSet<>();
        Matcher m = Pattern.compile("ref=\"(sale\\.model_sale_order|account\\.model_account_move)\"/>\\s*"
                + "<field name=\"name\">(x_whatsapp_\\w+)</field>").matcher(xml);
        while (m.find()) {
            addon.add((m.group(1).startsWith("sale") ? "sale.order" : "account.move") + "." + m.group(2));
        }
        Set<String> connector = new TreeSet<>();
        DatabaseCheck.FLAGS.forEach((model, flags) -> flags.forEach(flag -> {
            connector.add(model + "." + flag);
            connector.add(model + "." + flag + "_date");
        }));
        Set<String> standIn = new TreeSet<>();
        WhatsAppFields.FLAGS.forEach((model, flags) -> flags.keySet().forEach(flag -> {
            standIn.add(model + "." + flag);
            standIn.add(model + "." + flag + "_date");
        }));
        assertThat(addon).hasSize(16).isEqualTo(connector).isEqualTo(standIn);
    }
}
