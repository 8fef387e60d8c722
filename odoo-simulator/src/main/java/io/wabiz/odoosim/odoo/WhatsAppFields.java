package io.wabiz.odoosim.odoo;

import java.util.List;
import java.util.Map;

/**
 * The custom fields the platform's Odoo integration keeps on orders and invoices: one boolean per
 * notification ({@code x_whatsapp_*_sent}, and {@code x_whatsapp_validated} for a confirmation by a tap) with
 * its {@code _date}. The connector's {@code odoo-addon/} creates the same ones in a real Odoo.
 */
public final class WhatsAppFields {

    /** Flag name to label, per model. */
    public static final Map<String, Map<String, String>> FLAGS = Map.of(
            "sale.order", Map.of(
                    "x_whatsapp_creation_sent", "WhatsApp: order message sent",
                    "x_whatsapp_details_sent", "WhatsApp: details sent",
                    "x_whatsapp_confirmation_sent", "WhatsApp: confirmation sent",
                    "x_whatsapp_validated", "WhatsApp: validated by the customer"),
            "account.move", Map.of(
                    "x_whatsapp_invoice_sent", "WhatsApp: invoice sent",
                    "x_whatsapp_details_sent", "WhatsApp: details sent",
                    "x_whatsapp_residual_sent", "WhatsApp: residual message sent",
                    "x_whatsapp_unpaid_reminder_sent", "WhatsApp: unpaid reminder sent"));

    private WhatsAppFields() {
    }

    /** The flags of a model in a stable order, for the page. */
    public static List<String> flags(String model) {
        return FLAGS.getOrDefault(model, Map.of()).keySet().stream().sorted().toList();
    }
}
