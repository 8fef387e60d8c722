package io.wabiz.odoo.sync;

import io.wabiz.events.erp.DocumentLine;
import io.wabiz.odoo.rpc.OdooValues;
import java.math.BigDecimal;
import java.math.RoundingMode;
import tools.jackson.databind.JsonNode;

/** Order and invoice lines as the platform's {@link DocumentLine}: product lines only (sections and notes carry no line type). */
final class Lines {

    private Lines() {
    }

    /**
     * @param quantityField {@code product_uom_qty} on orders, {@code quantity} on invoices
     * @param unitField     {@code product_uom} (until saas-18.1), {@code product_uom_id} (later, and on invoices)
     */
    static DocumentLine of(JsonNode line, String quantityField, String unitField, int decimals) {
        String product = OdooValues.name(line.get("product_id"));
        Long productId = OdooValues.id(line.get("product_id"));
        String name = OdooValues.text(line.get("name"));
        return new DocumentLine(productId == null ? null : "product.product/" + productId, product,
                description(product, name), OdooValues.amount(line.get(quantityField)),
                OdooValues.name(line.get(unitField)), OdooValues.amount(line.get("price_unit")),
                OdooValues.amount(line.get("discount")), money(OdooValues.amount(line.get("price_subtotal")), decimals));
    }

    /** Odoo writes a line's description as the product's name, a new line, then the sales description. */
    static String description(String product, String name) {
        if (name == null) {
            return null;
        }
        String text = name.strip();
        if (product != null && text.startsWith(product)) {
            text = text.substring(product.length()).strip();
        }
        return text.isEmpty() ? null : text;
    }

    static boolean productLine(JsonNode line) {
        JsonNode type = line.get("display_type");
        return OdooValues.empty(type) || "product".equals(type.asString(""));
    }

    /** An amount with the currency's decimals (XOF: none). */
    static BigDecimal money(BigDecimal amount, int decimals) {
        return amount == null ? null : amount.setScale(decimals, RoundingMode.HALF_UP);
    }
}
