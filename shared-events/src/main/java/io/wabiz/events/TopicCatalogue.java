package io.wabiz.events;

import io.wabiz.events.conversation.HandOffRequested;
import io.wabiz.events.erp.CancelSalesOrder;
import io.wabiz.events.erp.ConfirmSalesOrder;
import io.wabiz.events.erp.InvoiceCancelled;
import io.wabiz.events.erp.InvoicePaid;
import io.wabiz.events.erp.InvoicePosted;
import io.wabiz.events.erp.InvoiceUpdated;
import io.wabiz.events.erp.NotificationRecorded;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.events.erp.PaymentReceived;
import io.wabiz.events.erp.SalesOrderCreated;
import io.wabiz.events.erp.SalesOrderStateChanged;
import io.wabiz.events.erp.SalesOrderUpdated;
import io.wabiz.events.erp.SendDocumentDetails;
import io.wabiz.events.outbound.MarkMessageRead;
import io.wabiz.events.outbound.MessageAccepted;
import io.wabiz.events.outbound.MessageOutcomeUnresolved;
import io.wabiz.events.outbound.MessageRejected;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.events.outbound.TemplateSynced;
import io.wabiz.events.whatsapp.AccountNoticeReceived;
import io.wabiz.events.whatsapp.BusinessMessageEchoed;
import io.wabiz.events.whatsapp.InboundMessageReceived;
import io.wabiz.events.whatsapp.MessageStatusChanged;
import io.wabiz.events.whatsapp.WebhookReceived;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * Every topic of the platform: its name, what its key is, how many partitions it has, whether it is
 * compacted, and the record types that travel on it. Deployment manifests and tests create topics from it.
 */
public enum TopicCatalogue {

    WEBHOOK_RAW(Topics.WEBHOOK_RAW, "business phone number id", 3, false, WebhookReceived.class),
    INBOUND_MESSAGES(Topics.INBOUND_MESSAGES, "conversation", 6, false, InboundMessageReceived.class),
    INBOUND_STATUSES(Topics.INBOUND_STATUSES, "conversation", 6, false, MessageStatusChanged.class),
    ACCOUNT_NOTICES(Topics.ACCOUNT_NOTICES, "WABA id", 1, false, AccountNoticeReceived.class),
    OUTBOUND_COMMANDS(Topics.OUTBOUND_COMMANDS, "business phone number id", 6, false,
            SendMessage.class, MarkMessageRead.class),
    OUTBOUND_EVENTS(Topics.OUTBOUND_EVENTS, "conversation", 6, false, MessageAccepted.class, MessageRejected.class,
            MessageOutcomeUnresolved.class),
    TEMPLATES(Topics.TEMPLATES, "name:language", 1, true, TemplateSynced.class),
    ERP_PARTNERS(Topics.ERP_PARTNERS, "ERP document id", 3, false, PartnerUpserted.class),
    ERP_SALES_ORDERS(Topics.ERP_SALES_ORDERS, "ERP document id", 3, false,
            SalesOrderCreated.class, SalesOrderUpdated.class, SalesOrderStateChanged.class),
    ERP_INVOICES(Topics.ERP_INVOICES, "ERP document id", 3, false,
            InvoicePosted.class, InvoiceUpdated.class, InvoicePaid.class, InvoiceCancelled.class),
    ERP_COMMANDS(Topics.ERP_COMMANDS, "ERP document id", 3, false, ConfirmSalesOrder.class, CancelSalesOrder.class),
    ERP_NOTIFICATIONS(Topics.ERP_NOTIFICATIONS, "ERP document id", 3, false, NotificationRecorded.class),
    NOTIFIER_REQUESTS(Topics.NOTIFIER_REQUESTS, "ERP document id", 3, false, SendDocumentDetails.class),
    ERP_PAYMENTS(Topics.ERP_PAYMENTS, "ERP document id", 3, false, PaymentReceived.class),
    HANDOFFS(Topics.HANDOFFS, "conversation", 3, false, HandOffRequested.class),
    INBOUND_ECHOES(Topics.INBOUND_ECHOES, "conversation", 6, false, BusinessMessageEchoed.class);

    private static final Map<String, Class<? extends TopicRecord>> TYPES_BY_NAME = Arrays.stream(values())
            .flatMap(t -> t.recordTypes.stream())
            .collect(Collectors.toUnmodifiableMap(TopicCatalogue::typeName, Function.identity(), (a, b) -> a));

    private final String topic;
    private final String key;
    private final int partitions;
    private final boolean compacted;
    private final List<Class<? extends TopicRecord>> recordTypes;

    @SafeVarargs
    TopicCatalogue(String topic, String key, int partitions, boolean compacted,
                   Class<? extends TopicRecord>... recordTypes) {
        this.topic = topic;
        this.key = key;
        this.partitions = partitions;
        this.compacted = compacted;
        this.recordTypes = List.of(recordTypes);
    }

    public String topic() {
        return topic;
    }

    public String deadLetterTopic() {
        return Topics.deadLetter(topic);
    }

    public String key() {
        return key;
    }

    public int partitions() {
        return partitions;
    }

    public boolean compacted() {
        return compacted;
    }

    public List<Class<? extends TopicRecord>> recordTypes() {
        return recordTypes;
    }

    /** Reverse-DNS prefix of the CloudEvents types, as the CloudEvents specification recommends. */
    public static final String CLOUD_EVENT_TYPE_PREFIX = "io.wabiz.";

    /** The short name of a record type: its simple name, stable across packages (ledgers store it). */
    public static String typeName(Class<?> recordType) {
        return recordType.getSimpleName();
    }

    /** The CloudEvents {@code ce_type} of a record type: {@code io.wabiz.SendMessage}. */
    public static String cloudEventType(Class<?> recordType) {
        return CLOUD_EVENT_TYPE_PREFIX + recordType.getSimpleName();
    }

    /**
     * The record type of a {@code ce_type} or a short name. Both {@code io.wabiz.SendMessage} and {@code SendMessage}
     * are read: records written before the types became reverse-DNS names are still on the topics.
     */
    public static Optional<Class<? extends TopicRecord>> recordType(String typeName) {
        if (typeName == null) {
            return Optional.empty();
        }
        String shortName = typeName.startsWith(CLOUD_EVENT_TYPE_PREFIX)
                ? typeName.substring(CLOUD_EVENT_TYPE_PREFIX.length()) : typeName;
        return Optional.ofNullable(TYPES_BY_NAME.get(shortName));
    }

    public static List<Class<? extends TopicRecord>> allRecordTypes() {
        return TYPES_BY_NAME.values().stream().sorted(java.util.Comparator.comparing(Class::getSimpleName)).toList();
    }

    /** The topic that carries records of {@code recordType}. */
    public static TopicCatalogue carrying(Class<? extends TopicRecord> recordType) {
        return Arrays.stream(values()).filter(t -> t.recordTypes.contains(recordType)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries " + recordType.getName()));
    }

    /** Definitions of every topic and its dead-letter topic, for brokers that the platform creates itself. */
    public static List<NewTopic> newTopics(short replicationFactor) {
        List<NewTopic> topics = new ArrayList<>();
        for (TopicCatalogue topic : values()) {
            NewTopic main = new NewTopic(topic.topic, topic.partitions, replicationFactor);
            if (topic.compacted) {
                main.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(main);
            topics.add(new NewTopic(topic.deadLetterTopic(), topic.partitions, replicationFactor));
        }
        return topics;
    }
}
