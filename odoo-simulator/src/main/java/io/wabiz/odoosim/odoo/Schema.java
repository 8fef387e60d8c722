package io.wabiz.odoosim.odoo;

import static io.wabiz.odoosim.orm.Field.manyToMany;
import static io.wabiz.odoosim.orm.Field.manyToOne;
import static io.wabiz.odoosim.orm.Field.of;
import static io.wabiz.odoosim.orm.Field.oneToMany;
import static io.wabiz.odoosim.orm.Field.selection;
import static io.wabiz.odoosim.orm.FieldType.BINARY;
import static io.wabiz.odoosim.orm.FieldType.BOOLEAN;
import static io.wabiz.odoosim.orm.FieldType.CHAR;
import static io.wabiz.odoosim.orm.FieldType.DATE;
import static io.wabiz.odoosim.orm.FieldType.DATETIME;
import static io.wabiz.odoosim.orm.FieldType.FLOAT;
import static io.wabiz.odoosim.orm.FieldType.HTML;
import static io.wabiz.odoosim.orm.FieldType.INTEGER;
import static io.wabiz.odoosim.orm.FieldType.MONETARY;
import static io.wabiz.odoosim.orm.FieldType.TEXT;

import io.wabiz.odoosim.orm.Field;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.OdooVersion;
import io.wabiz.odoosim.orm.Registry;
import java.util.ArrayList;
import java.util.List;

/**
 * The models the stand-in knows and their fields, as Odoo 16, 17 and 18 define them (the subset a WhatsApp
 * integration reads and writes; see the README for what is left out). Field names, types and selections follow
 * the O16/O17/O18 sources cited in {@code ../shared/reference/odoo-external-api.md}.
 */
public final class Schema {

    /** {@code ir.model} ids; sale.order's is the one of the recorded Odoo 17 database. */
    public static final long IR_MODEL_SALE_ORDER = 492;

    private Schema() {
    }

    public static Registry build(OdooVersion version) {
        Registry registry = new Registry();
        int v = version.major();
        registry.add(new Model("res.company", "Companies", "sequence, name", false, 80, List.of(
                of("name", CHAR, "Company Name").asRequired(), manyToOne("currency_id", "Currency", "res.currency"),
                manyToOne("country_id", "Country", "res.country"), manyToOne("partner_id", "Partner", "res.partner"),
                of("email", CHAR, "Email"), of("phone", CHAR, "Phone"), of("sequence", INTEGER, "Sequence"))));
        registry.add(new Model("res.currency", "Currency", "active desc, name", false, 81, List.of(
                of("name", CHAR, "Currency").asRequired(), of("symbol", CHAR, "Symbol"),
                of("decimal_places", INTEGER, "Decimal Places"), of("rounding", FLOAT, "Rounding Factor"),
                of("active", BOOLEAN, "Active"))));
        registry.add(new Model("res.country", "Country", "name", false, 82, List.of(
                of("name", CHAR, "Country Name").asRequired(), of("code", CHAR, "Country Code"))));
        registry.add(new Model("res.users", "User", "name, login", false, 83, List.of(
                of("name", CHAR, "Name"), of("login", CHAR, "Login").asRequired(),
                manyToOne("partner_id", "Related Partner", "res.partner"),
                manyToOne("company_id", "Company", "res.company"),
                manyToMany("company_ids", "Companies", "res.company"), of("lang", CHAR, "Language"),
                of("tz", CHAR, "Timezone"), of("active", BOOLEAN, "Active"))));
        registry.add(new Model("uom.uom", "Product Unit of Measure", "sequence, id", false, 84, List.of(
                of("name", CHAR, "Unit of Measure").asRequired(), of("sequence", INTEGER, "Sequence"))));
        registry.add(new Model("account.tax", "Tax", "sequence, id", false, 85, List.of(
                of("name", CHAR, "Tax Name").asRequired(), of("amount", FLOAT, "Amount"),
                selection("type_tax_use", "Tax Type", pairs("sale", "Sales", "purchase", "Purchases", "none", "None")),
                of("sequence", INTEGER, "Sequence"), manyToOne("company_id", "Company", "res.company"),
                of("active", BOOLEAN, "Active"))));
        registry.add(new Model("product.product", "Product Variant", "default_code, name, id", false, 86, List.of(
                of("name", CHAR, "Name").asRequired(), of("default_code", CHAR, "Internal Reference"),
                of("description_sale", TEXT, "Sales Description"),
                of("list_price", FLOAT, "Sales Price"), manyToOne("uom_id", "Unit of Measure", "uom.uom"),
                selection("invoice_policy", "Invoicing Policy", pairs("order", "Ordered quantities", "delivery",
                        "Delivered quantities")),
                of("sale_ok", BOOLEAN, "Can be Sold"),
                selection("type", "Product Type", v >= 18 ? pairs("consu", "Goods", "service", "Service", "combo", "Combo")
                        : pairs("consu", "Consumable", "service", "Service", "product", "Storable Product")),
                manyToMany("taxes_id", "Customer Taxes", "account.tax"), of("active", BOOLEAN, "Active"),
                manyToOne("company_id", "Company", "res.company"))));
        List<Field> partner = new ArrayList<>(List.of(
                of("name", CHAR, "Name"), of("complete_name", CHAR, "Complete Name").computed(),
                of("phone", CHAR, "Phone")));
        partner.add(of("mobile", CHAR, "Mobile")); // in 16, 17 and 18.0; gone from saas-18.2 on
        partner.addAll(List.of(of("email", CHAR, "Email"),
                selection("lang", "Language", pairs("en_US", "English (US)", "fr_FR", "French / Français")),
                manyToOne("country_id", "Country", "res.country"), manyToOne("company_id", "Company", "res.company"),
                of("active", BOOLEAN, "Active"), of("is_company", BOOLEAN, "Is a Company"),
                manyToOne("parent_id", "Related Company", "res.partner"),
                oneToMany("child_ids", "Contact", "res.partner", "parent_id"),
                manyToOne("commercial_partner_id", "Commercial Entity", "res.partner").asReadonly(),
                of("vat", CHAR, "Tax ID"), of("tz", CHAR, "Timezone"),
                selection("type", "Address Type", v == 16
                        ? pairs("contact", "Contact", "invoice", "Invoice Address", "delivery", "Delivery Address",
                        "private", "Private Address", "other", "Other Address")
                        : pairs("contact", "Contact", "invoice", "Invoice Address", "delivery", "Delivery Address",
                        "other", "Other Address")),
                of("street", CHAR, "Street"), of("city", CHAR, "City")));
        registry.add(new Model("res.partner", "Contact", "complete_name ASC, id DESC", false, 87, partner));

        List<Field> order = new ArrayList<>(List.of(
                of("name", CHAR, "Order Reference").asRequired().asReadonly(),
                manyToOne("partner_id", "Customer", "res.partner").asRequired(),
                of("date_order", DATETIME, "Order Date").asRequired(), of("validity_date", DATE, "Expiration"),
                of("commitment_date", DATETIME, "Delivery Date"),
                selection("state", "Status", v == 16
                        ? pairs("draft", "Quotation", "sent", "Quotation Sent", "sale", "Sales Order", "done", "Locked",
                        "cancel", "Cancelled")
                        : pairs("draft", "Quotation", "sent", "Quotation Sent", "sale", "Sales Order", "cancel",
                        "Cancelled")).asReadonly()));
        if (v >= 17) {
            order.add(of("locked", BOOLEAN, "Locked"));
        }
        order.addAll(List.of(manyToOne("currency_id", "Currency", "res.currency"),
                of("amount_untaxed", MONETARY, "Untaxed Amount").asReadonly(),
                of("amount_tax", MONETARY, "Taxes").asReadonly(), of("amount_total", MONETARY, "Total").asReadonly(),
                manyToOne("user_id", "Salesperson", "res.users"),
                manyToOne("company_id", "Company", "res.company").asRequired(),
                oneToMany("order_line", "Order Lines", "sale.order.line", "order_id"),
                manyToMany("invoice_ids", "Invoices", "account.move").asReadonly(),
                selection("invoice_status", "Invoice Status", pairs("upselling", "Upselling Opportunity", "invoiced",
                        "Fully Invoiced", "to invoice", "To Invoice", "no", "Nothing to Invoice")).asReadonly(),
                of("client_order_ref", CHAR, "Customer Reference"), of("note", HTML, "Terms and conditions"),
                of("type_name", CHAR, "Type Name").computed(), of("tax_totals", BINARY, "Tax Totals").computed()));
        if (v >= 17) {
            order.add(of("amount_to_invoice", MONETARY, "Amount to invoice").computed());
            order.add(of("amount_invoiced", MONETARY, "Already invoiced").computed());
        }
        registry.add(new Model("sale.order", "Sales Order", "date_order desc, id desc", false, IR_MODEL_SALE_ORDER,
                order));
        List<Field> line = new ArrayList<>(List.of(
                manyToOne("order_id", "Order Reference", "sale.order").asRequired(), of("sequence", INTEGER, "Sequence"),
                manyToOne("product_id", "Product", "product.product"), of("name", TEXT, "Description").asRequired(),
                of("product_uom_qty", FLOAT, "Quantity")));
        line.add(manyToOne("product_uom", "Unit of Measure", "uom.uom")); // product_uom_id from saas-18.1 on
        line.addAll(List.of(of("price_unit", FLOAT, "Unit Price"), of("discount", FLOAT, "Discount (%)"),
                manyToMany("tax_id", "Taxes", "account.tax"),
                of("price_subtotal", MONETARY, "Subtotal").asReadonly(), of("price_tax", FLOAT, "Total Tax").asReadonly(),
                of("price_total", MONETARY, "Total").asReadonly(), of("qty_delivered", FLOAT, "Delivery Quantity"),
                of("qty_invoiced", FLOAT, "Invoiced Quantity").asReadonly(),
                selection("display_type", "Display Type", pairs("line_section", "Section", "line_note", "Note")),
                manyToOne("company_id", "Company", "res.company").asReadonly(),
                manyToOne("currency_id", "Currency", "res.currency").asReadonly(),
                selection("state", "Order Status", pairs("draft", "Quotation", "sent", "Quotation Sent", "sale",
                        "Sales Order", "cancel", "Cancelled")).computed(),
                of("is_downpayment", BOOLEAN, "Is a down payment")));
        registry.add(new Model("sale.order.line", "Sales Order Line", "order_id, sequence, id", false, 493, line));

        registry.add(new Model("account.journal", "Journal", "sequence, type, code", false, 494, List.of(
                of("name", CHAR, "Journal Name").asRequired(), of("code", CHAR, "Short Code"),
                selection("type", "Type", pairs("sale", "Sales", "purchase", "Purchase", "cash", "Cash", "bank",
                        "Bank", "general", "Miscellaneous")),
                manyToOne("company_id", "Company", "res.company"), of("sequence", INTEGER, "Sequence"))));
        List<Field> move = new ArrayList<>(List.of(
                of("name", CHAR, "Number"),
                selection("move_type", "Type", pairs("entry", "Journal Entry", "out_invoice", "Customer Invoice",
                        "out_refund", "Customer Credit Note", "in_invoice", "Vendor Bill", "in_refund",
                        "Vendor Credit Note", "out_receipt", "Sales Receipt", "in_receipt", "Purchase Receipt"))
                        .asRequired(),
                selection("state", "Status", pairs("draft", "Draft", "posted", "Posted", "cancel", "Cancelled"))
                        .asReadonly(),
                selection("payment_state", "Payment Status", v >= 18
                        ? pairs("not_paid", "Not Paid", "in_payment", "In Payment", "paid", "Paid", "partial",
                        "Partially Paid", "reversed", "Reversed", "blocked", "Blocked", "invoicing_legacy",
                        "Invoicing App Legacy")
                        : pairs("not_paid", "Not Paid", "in_payment", "In Payment", "paid", "Paid", "partial",
                        "Partially Paid", "reversed", "Reversed", "invoicing_legacy", "Invoicing App Legacy"))
                        .asReadonly(),
                manyToOne("partner_id", "Partner", "res.partner"),
                manyToOne("commercial_partner_id", "Commercial Entity", "res.partner").asReadonly(),
                of("invoice_date", DATE, "Invoice/Bill Date"), of("invoice_date_due", DATE, "Due Date"),
                of("date", DATE, "Date").asRequired(), manyToOne("currency_id", "Currency", "res.currency"),
                manyToOne("company_id", "Company", "res.company").asReadonly(),
                manyToOne("journal_id", "Journal", "account.journal").asRequired(),
                of("amount_untaxed", MONETARY, "Untaxed Amount").asReadonly(),
                of("amount_tax", MONETARY, "Tax").asReadonly(), of("amount_total", MONETARY, "Total").asReadonly(),
                of("amount_residual", MONETARY, "Amount Due").asReadonly(),
                of("invoice_origin", CHAR, "Origin"), of("payment_reference", CHAR, "Payment Reference"),
                of("ref", CHAR, "Reference"), manyToOne("invoice_user_id", "Salesperson", "res.users"),
                oneToMany("invoice_line_ids", "Invoice lines", "account.move.line", "move_id"),
                oneToMany("line_ids", "Journal Items", "account.move.line", "move_id"),
                of("invoice_payments_widget", BINARY, "Invoice Payments Widget").computed(),
                of("tax_totals", BINARY, "Invoice Totals").computed()));
        if (v >= 18) {
            move.add(manyToMany("matched_payment_ids", "Matched Payments", "account.payment").asReadonly());
        }
        registry.add(new Model("account.move", "Journal Entry", "date desc, name desc, id desc", false, 495, move));
        registry.add(new Model("account.move.line", "Journal Item", "date desc, move_name desc, id", false, 496, List.of(
                manyToOne("move_id", "Journal Entry", "account.move").asRequired(),
                selection("display_type", "Display Type", v >= 17
                        ? pairs("product", "Product", "cogs", "Cost of Goods Sold", "tax", "Tax", "discount", "Discount",
                        "rounding", "Rounding", "payment_term", "Payment Term", "line_section", "Section", "line_note",
                        "Note", "epd", "Early Payment Discount")
                        : pairs("product", "Product", "cogs", "Cost of Goods Sold", "tax", "Tax", "rounding",
                        "Rounding", "payment_term", "Payment Term", "line_section", "Section", "line_note", "Note",
                        "epd", "Early Payment Discount")),
                manyToOne("product_id", "Product", "product.product"), of("name", CHAR, "Label"),
                of("quantity", FLOAT, "Quantity"), manyToOne("product_uom_id", "Unit of Measure", "uom.uom"),
                of("price_unit", FLOAT, "Unit Price"), of("discount", FLOAT, "Discount (%)"),
                of("price_subtotal", MONETARY, "Subtotal").asReadonly(), of("price_total", MONETARY, "Total").asReadonly(),
                manyToMany("tax_ids", "Taxes", "account.tax"), of("sequence", INTEGER, "Sequence"),
                selection("parent_state", "Status", pairs("draft", "Draft", "posted", "Posted", "cancel", "Cancelled"))
                        .computed(),
                manyToOne("currency_id", "Currency", "res.currency"),
                manyToOne("company_id", "Company", "res.company").asReadonly(), of("date", DATE, "Date"),
                of("move_name", CHAR, "Number").computed())));
        List<Field> payment = new ArrayList<>(List.of(
                of("name", CHAR, "Number").asReadonly(), of("amount", MONETARY, "Amount"), of("date", DATE, "Date"),
                manyToOne("currency_id", "Currency", "res.currency"), manyToOne("partner_id", "Customer/Vendor",
                        "res.partner"),
                manyToOne("journal_id", "Journal", "account.journal"),
                selection("payment_type", "Payment Type", pairs("outbound", "Send", "inbound", "Receive")),
                selection("partner_type", "Partner Type", pairs("customer", "Customer", "supplier", "Vendor")),
                selection("state", "Status", v >= 18
                        ? pairs("draft", "Draft", "in_process", "In Process", "paid", "Paid", "canceled", "Canceled",
                        "rejected", "Rejected")
                        : pairs("draft", "Draft", "posted", "Posted", "cancel", "Cancelled")).asReadonly(),
                of(v >= 18 ? "memo" : "ref", CHAR, "Memo"), of("payment_reference", CHAR, "Payment Reference"),
                of("is_reconciled", BOOLEAN, "Is Reconciled").asReadonly(), of("is_matched", BOOLEAN, "Is Matched")
                        .asReadonly(),
                manyToOne("company_id", "Company", "res.company").asReadonly(),
                manyToMany("reconciled_invoice_ids", "Reconciled Invoices", "account.move").computed()));
        if (v >= 18) {
            payment.add(manyToMany("invoice_ids", "Invoices", "account.move"));
        }
        registry.add(new Model("account.payment", "Payments", "date desc, name desc", false, 497, payment));
        registry.add(new Model("account.payment.register", "Pay", "id", true, 498, List.of(
                of("amount", MONETARY, "Amount"), of("payment_date", DATE, "Payment Date").asRequired(),
                manyToOne("journal_id", "Journal", "account.journal"), of("communication", CHAR, "Memo"),
                manyToOne("currency_id", "Currency", "res.currency"),
                selection("payment_difference_handling", "Payment Difference Handling", pairs("open", "Keep open",
                        "reconcile", "Mark as fully paid")),
                of("group_payment", BOOLEAN, "Group Payments"),
                manyToMany("line_ids", "Journal items", "account.move.line").asReadonly())));
        registry.add(new Model("sale.advance.payment.inv", "Sales Advance Payment Invoice", "id", true, 499, List.of(
                selection("advance_payment_method", "Create Invoice", pairs("delivered", "Regular invoice",
                        "percentage", "Down payment (percentage)", "fixed", "Down payment (fixed amount)")),
                of("amount", FLOAT, "Down Payment"), of("fixed_amount", MONETARY, "Down Payment Amount (Fixed)"),
                manyToMany("sale_order_ids", "Sale Orders", "sale.order"))));
        registry.add(new Model("mail.message.subtype", "Message subtypes", "sequence, id", false, 500, List.of(
                of("name", CHAR, "Message Type").asRequired(), of("sequence", INTEGER, "Sequence"),
                of("internal", BOOLEAN, "Internal Only"))));
        registry.add(new Model("mail.message", "Message", "id desc", false, 501, List.of(
                of("model", CHAR, "Related Document Model"), of("res_id", INTEGER, "Related Document ID"),
                of("body", HTML, "Contents"), of("subject", CHAR, "Subject"),
                selection("message_type", "Type", pairs("email", "Email", "comment", "Comment", "notification",
                        "System notification", "user_notification", "User Specific Notification")),
                manyToOne("subtype_id", "Subtype", "mail.message.subtype"),
                manyToOne("author_id", "Author", "res.partner"), of("date", DATETIME, "Date"))));
        registry.add(new Model("ir.sequence", "Sequence", "name", false, 502, List.of(
                of("name", CHAR, "Name").asRequired(), of("code", CHAR, "Sequence Code"), of("prefix", CHAR, "Prefix"),
                of("padding", INTEGER, "Sequence Size"), of("number_next", INTEGER, "Next Number"),
                manyToOne("company_id", "Company", "res.company"))));
        registry.add(new Model("ir.model", "Models", "model", false, 1, List.of(
                of("model", CHAR, "Model").asRequired(), of("name", CHAR, "Model Description").asRequired(),
                selection("state", "Type", pairs("manual", "Custom Object", "base", "Base Object")),
                of("transient", BOOLEAN, "Transient Model"),
                oneToMany("field_id", "Fields", "ir.model.fields", "model_id"))));
        registry.add(new Model("ir.model.fields", "Fields", "name", false, 2, List.of(
                of("name", CHAR, "Field Name").asRequired(), of("complete_name", CHAR, "Complete Name").computed(),
                of("model", CHAR, "Model Name").asReadonly(),
                manyToOne("model_id", "Model", "ir.model").asRequired(),
                of("field_description", CHAR, "Field Label").asRequired(), of("help", TEXT, "Field Help"),
                selection("ttype", "Field Type", pairs("binary", "binary", "boolean", "boolean", "char", "char",
                        "date", "date", "datetime", "datetime", "float", "float", "html", "html", "integer", "integer",
                        "many2many", "many2many", "many2one", "many2one", "monetary", "monetary", "one2many",
                        "one2many", "selection", "selection", "text", "text")).asRequired(),
                of("relation", CHAR, "Related Model"), of("required", BOOLEAN, "Required"),
                of("readonly", BOOLEAN, "Readonly"), of("copied", BOOLEAN, "Copied"),
                selection("state", "Type", pairs("manual", "Custom Field", "base", "Base Field")))));
        return registry;
    }

    static List<List<String>> pairs(String... keysAndLabels) {
        List<List<String>> pairs = new ArrayList<>();
        for (int i = 0; i < keysAndLabels.length; i += 2) {
            pairs.add(List.of(keysAndLabels[i], keysAndLabels[i + 1]));
        }
        return pairs;
    }
}
