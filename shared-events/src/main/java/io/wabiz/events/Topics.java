package io.wabiz.events;

/** Topic names as constants, for annotations such as {@code @KafkaListener(topics = ...)}. */
public final class Topics {

    public static final String WEBHOOK_RAW = "whatsapp.webhook.raw";
    public static final String INBOUND_MESSAGES = "whatsapp.inbound.messages";
    public static final String INBOUND_STATUSES = "whatsapp.inbound.statuses";
    public static final String INBOUND_ECHOES = "whatsapp.inbound.echoes";
    public static final String ACCOUNT_NOTICES = "whatsapp.account.notices";
    public static final String OUTBOUND_COMMANDS = "whatsapp.outbound.commands";
    public static final String OUTBOUND_EVENTS = "whatsapp.outbound.events";
    public static final String TEMPLATES = "whatsapp.templates";
    public static final String ERP_PARTNERS = "erp.partners";
    public static final String ERP_SALES_ORDERS = "erp.sales-orders";
    public static final String ERP_INVOICES = "erp.invoices";
    public static final String ERP_COMMANDS = "whatsapp.erp.commands";
    public static final String ERP_NOTIFICATIONS = "whatsapp.erp.notifications";
    public static final String NOTIFIER_REQUESTS = "whatsapp.notifier.requests";
    public static final String HANDOFFS = "whatsapp.handoffs";
    public static final String ERP_PAYMENTS = "whatsapp.erp.payments";

    /** spring-kafka's default dead-letter suffix. */
    public static final String DLT_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DLT_SUFFIX;
    }
}
