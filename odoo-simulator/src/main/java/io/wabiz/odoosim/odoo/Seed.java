package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Database;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.Transaction;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The database a fresh stand-in starts with: one company in Senegal (XOF, VAT 18%), its journals, the API user,
 * two customers who match the Meta simulator's phones (Awa Diop SARL, +221 77 000 00 01; Moussa Ba,
 * +221 77 000 00 02), a few products, and the {@code ir.model} rows. Ids of the recorded Odoo 17 database where
 * the fixtures name them (partner 42, {@code ir.model} 492 for sale.order, country 204 Senegal).
 */
final class Seed {

    private Seed() {
    }

    static void load(Database database, List<OdooServer.User> users, boolean whatsappFields) {
        long admin = users.getFirst().uid();
        database.write(new Env(admin, Map.of(), List.of(1L)), tx -> {
            for (Model model : tx.database().registry().models()) {
                tx.insertWithId("ir.model", model.irModelId(), row("model", model.name(), "name", model.description(),
                        "state", "base", "transient", model.isTransient()));
            }
            tx.insertWithId("res.currency", 1, row("name", "USD", "symbol", "$", "decimal_places", 2L, "rounding", 0.01,
                    "active", true));
            tx.insertWithId("res.currency", 41, row("name", "XOF", "symbol", "CFA", "decimal_places", 0L,
                    "rounding", 1.0, "active", true));
            tx.insertWithId("res.currency", 125, row("name", "EUR", "symbol", "€", "decimal_places", 2L,
                    "rounding", 0.01, "active", true));
            tx.insertWithId("res.country", 204, row("name", "Senegal", "code", "SN"));
            tx.insertWithId("res.country", 233, row("name", "United States", "code", "US"));
            tx.insertWithId("res.country", 75, row("name", "France", "code", "FR"));
            tx.insertWithId("res.country", 44, row("name", "Côte d'Ivoire", "code", "CI"));
            tx.insertWithId("res.partner", 1, row("name", "Wabiz Local", "is_company", true, "active", true,
                    "commercial_partner_id", 1L, "country_id", 204L, "lang", "fr_FR", "type", "contact",
                    "email", "contact@wabiz.example", "phone", "+221 33 800 00 01"));
            tx.insertWithId("res.company", 1, row("name", "Wabiz Local", "currency_id", 41L, "country_id", 204L,
                    "partner_id", 1L, "sequence", 10L));
            long partnerId = 3;
            for (OdooServer.User user : users) {
                tx.insertWithId("res.partner", partnerId, row("name", user.name(), "is_company", false, "active", true,
                        "commercial_partner_id", partnerId, "lang", user.lang(), "type", "contact"));
                tx.insertWithId("res.users", user.uid(), row("name", user.name(), "login", user.login(),
                        "partner_id", partnerId, "company_id", user.companyIds().getFirst(),
                        "company_ids", user.companyIds(), "lang", user.lang(), "tz", user.tz(), "active", true));
                partnerId++;
            }
            tx.insertWithId("res.partner", 42, row("name", "Awa Diop SARL", "is_company", true, "active", true,
                    "commercial_partner_id", 42L, "phone", "33 800 00 01", "mobile", "77 000 00 01",
                    "email", "awa@example.sn", "lang", "fr_FR", "country_id", 204L, "type", "contact",
                    "city", "Dakar"));
            tx.insertWithId("res.partner", 43, row("name", "Moussa Ba", "is_company", false, "active", true,
                    "commercial_partner_id", 43L, "mobile", "+221 77 000 00 02", "email", "moussa@example.sn",
                    "lang", "fr_FR", "country_id", 204L, "type", "contact", "city", "Thiès"));
            tx.insertWithId("uom.uom", 1, row("name", "Units", "sequence", 1L));
            tx.insertWithId("uom.uom", 12, row("name", "kg", "sequence", 2L));
            tx.insertWithId("account.tax", 1, row("name", "TVA 18%", "amount", 18.0, "type_tax_use", "sale",
                    "sequence", 1L, "company_id", 1L, "active", true));
            product(tx, 88, "Ciment CPJ 45 (sac 50 kg)", "CIM45", "Ciment Sococim", 5000);
            product(tx, 91, "Fer à béton 10 mm", "FER10", "barre 12 m", 5000);
            product(tx, 16, "Tôle ondulée 3 m", "TOLE3", null, 4500);
            product(tx, 36, "Customizable Desk", "DESK0005", "160x80cm, with large legs.", 12500);
            product(tx, 37, "Customizable Desk (Black)", "DESK0006", "160x80cm, with large legs.", 25000);
            tx.insertWithId("account.journal", 1, row("name", "Customer Invoices", "code", "INV", "type", "sale",
                    "company_id", 1L, "sequence", 5L));
            tx.insertWithId("account.journal", 6, row("name", "Bank", "code", "BNK1", "type", "bank",
                    "company_id", 1L, "sequence", 10L));
            tx.insertWithId("account.journal", 7, row("name", "Cash", "code", "CSH1", "type", "cash",
                    "company_id", 1L, "sequence", 11L));
            tx.insertWithId("mail.message.subtype", Chatter.SUBTYPE_DISCUSSIONS, row("name", "Discussions",
                    "sequence", 0L, "internal", false));
            tx.insertWithId("mail.message.subtype", Chatter.SUBTYPE_NOTE, row("name", "Note", "sequence", 100L,
                    "internal", true));
            if (whatsappFields) {
                installWhatsAppFields(tx);
            }
            return null;
        });
    }

    /** What the connector's {@code odoo-addon} (or its documented {@code ir.model.fields} calls) creates. */
    static void installWhatsAppFields(Transaction tx) {
        WhatsAppFields.FLAGS.forEach((model, flags) -> {
            long modelId = tx.model(model).irModelId();
            flags.forEach((flag, label) -> {
                customField(tx, modelId, model, flag, label, "boolean");
                customField(tx, modelId, model, flag + "_date", label + " (date)", "datetime");
            });
        });
    }

    private static void customField(Transaction tx, long modelId, String model, String name, String label,
                                    String type) {
        Map<String, Object> row = row("name", name, "model", model, "model_id", modelId, "field_description", label,
                "ttype", type, "state", "manual", "copied", false, "required", false, "readonly", false);
        tx.insert("ir.model.fields", row);
        if (!tx.model(model).has(name)) {
            tx.model(model).addField(CustomFields.definition(row));
        }
    }

    private static void product(Transaction tx, long id, String name, String code, String description, double price) {
        Map<String, Object> row = row("name", name, "default_code", code, "list_price", price, "uom_id", 1L,
                "invoice_policy", "order", "sale_ok", true, "type", "consu", "taxes_id", List.of(1L), "active", true);
        if (description != null) {
            row.put("description_sale", description);
        }
        tx.insertWithId("product.product", id, row);
    }

    static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
