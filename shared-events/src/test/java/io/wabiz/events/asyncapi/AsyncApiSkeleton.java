package io.wabiz.events.asyncapi;

import io.wabiz.events.TopicCatalogue;
import io.wabiz.events.TopicRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Writes the structure of the AsyncAPI document from the code, to start from when a record is
 * added: {@code ./mvnw -f shared-events/pom.xml test-compile exec:java} is not needed, run its main
 * from the IDE or with the test classpath. The checked-in document adds descriptions by hand.
 */
public final class AsyncApiSkeleton {

    private AsyncApiSkeleton() {
    }

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "target/asyncapi-skeleton.yaml");
        Files.writeString(target, render());
        System.out.println("wrote " + target.toAbsolutePath());
    }

    /** Who writes and who reads each topic (DESIGN.md's topic map). */
    private static final Map<TopicCatalogue, String> PURPOSE = Map.ofEntries(
            Map.entry(TopicCatalogue.WEBHOOK_RAW, "Raw body of every signed webhook POST, for audit and replay. Written by webhook-ingress."),
            Map.entry(TopicCatalogue.INBOUND_MESSAGES, "Customers' messages, normalised. Written by webhook-ingress; read by conversation-service, scenario-engine and outbound-sender (24-hour windows)."),
            Map.entry(TopicCatalogue.INBOUND_STATUSES, "Statuses of the messages we sent. Written by webhook-ingress; read by conversation-service, billing-notifier and outbound-sender (unknown outcomes settled by their biz_opaque_callback_data)."),
            Map.entry(TopicCatalogue.ACCOUNT_NOTICES, "Template status, quality, account and error notifications. Written by webhook-ingress; read by outbound-sender and operations."),
            Map.entry(TopicCatalogue.OUTBOUND_COMMANDS, "Commands to send WhatsApp messages. Written by the staff API, scenario-engine and notifiers; read only by outbound-sender, which owns one number's rate limiter per partition key."),
            Map.entry(TopicCatalogue.OUTBOUND_EVENTS, "Outcome of each send command: accepted, rejected (an \"Outcome unknown\" rejection may later be followed by MessageAccepted), or unresolved. Written by outbound-sender; read by conversation-service and notifiers."),
            Map.entry(TopicCatalogue.TEMPLATES, "Message templates as last synced from Meta (compacted; a tombstone removes one). Written by outbound-sender."),
            Map.entry(TopicCatalogue.ERP_PARTNERS, "Customers (ERP partners). Written by the ERP."),
            Map.entry(TopicCatalogue.ERP_SALES_ORDERS, "Sales orders. Written by the ERP; read by billing-notifier and scenario-engine."),
            Map.entry(TopicCatalogue.ERP_INVOICES, "Customer invoices. Written by the ERP; read by billing-notifier and reminder-scheduler."),
            Map.entry(TopicCatalogue.ERP_COMMANDS, "Actions customers asked for by a tap (confirm, cancel an order). Written by scenario-engine; read by the ERP."),
            Map.entry(TopicCatalogue.ERP_NOTIFICATIONS, "Notifications that reached Meta, so the ERP can set its x_whatsapp_*_sent flags. Written by notifiers and reminder-scheduler."),
            Map.entry(TopicCatalogue.NOTIFIER_REQUESTS, "Requests for a document's details on WhatsApp. Written by scenario-engine; read by billing-notifier."),
            Map.entry(TopicCatalogue.ERP_PAYMENTS, "Payments customers made through the platform's payment links, verified with the provider. Written by billing-notifier; read by the ERP, which books each provider transaction once."),
            Map.entry(TopicCatalogue.HANDOFFS, "Customers who asked to talk to a person. Written by scenario-engine; read by conversation-service, which marks the conversation for staff."),
            Map.entry(TopicCatalogue.INBOUND_ECHOES, "Messages the business sent from the WhatsApp Business app on the same number (Meta's smb_message_echoes). Written by webhook-ingress; read by conversation-service (outbound, in the history)."));

    static String render() {
        Map<String, Object> doc = new LinkedHashMap<>();
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        for (TopicCatalogue topic : TopicCatalogue.values()) {
            String channelName = camel(topic.name());
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            for (Class<? extends TopicRecord> type : topic.recordTypes()) {
                channelMessages.put(type.getSimpleName(), Map.of("$ref", "#/components/messages/" + type.getSimpleName()));
                Map<String, Object> message = new LinkedHashMap<>();
                message.put("name", type.getSimpleName());
                message.put("title", type.getSimpleName());
                message.put("contentType", "application/json");
                message.put("headers", Map.of("allOf", List.of(
                        Map.of("$ref", "#/components/schemas/CloudEventsHeaders"),
                        Map.of("type", "object", "properties", Map.of("ce_type", Map.of("type", "string", "const", TopicCatalogue.cloudEventType(type)))))));
                message.put("payload", Map.of("$ref", "#/components/schemas/" + type.getSimpleName()));
                message.put("bindings", Map.of("kafka", Map.of("key", Map.of("type", "string", "description", topic.key()))));
                messages.put(type.getSimpleName(), message);
            }
            Map<String, Object> channel = new LinkedHashMap<>();
            channel.put("address", topic.topic());
            channel.put("description", PURPOSE.get(topic) + " Key: " + topic.key() + ". Dead letters: "
                    + topic.deadLetterTopic() + ".");
            channel.put("messages", channelMessages);
            Map<String, Object> kafka = new LinkedHashMap<>();
            kafka.put("partitions", topic.partitions());
            if (topic.compacted()) {
                kafka.put("topicConfiguration", Map.of("cleanup.policy", List.of("compact")));
            }
            channel.put("bindings", Map.of("kafka", kafka));
            channels.put(channelName, channel);
            String capitalised = Character.toUpperCase(channelName.charAt(0)) + channelName.substring(1);
            operations.put("publish" + capitalised,
                    Map.of("action", "send", "channel", Map.of("$ref", "#/channels/" + channelName)));
            operations.put("receive" + capitalised,
                    Map.of("action", "receive", "channel", Map.of("$ref", "#/channels/" + channelName)));
        }
        doc.put("asyncapi", "3.0.0");
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "WhatsApp B2B platform events");
        info.put("version", "0.1.0");
        info.put("description", "Every topic, key and payload of the platform. One JSON record per Kafka message;"
                + " the type travels in CloudEvents binary-mode headers (ce_type is io.wabiz.<payload name>). Readers"
                + " ignore unknown fields. A record that cannot be processed after bounded retries goes to"
                + " <topic>-dlt with the reason in the wabiz_dlt-reason header. Generated from the code by"
                + " AsyncApiSkeleton (shared-events tests) and checked by AsyncApiDocumentTest.");
        doc.put("info", info);
        doc.put("servers", Map.of(
                "production", Map.of("host", "wabiz-kafka-bootstrap:9093", "protocol", "kafka-secure",
                        "security", List.of(Map.of("$ref", "#/components/securitySchemes/scram"))),
                "local", Map.of("host", "localhost:29092", "protocol", "kafka")));
        doc.put("channels", channels);
        doc.put("operations", operations);
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("CloudEventsHeaders", cloudEventsHeaders());
        schemas.putAll(RecordSchemas.all());
        doc.put("components", Map.of("messages", messages, "schemas", schemas));
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        return new Yaml(options).dump(doc);
    }

    private static Map<String, Object> cloudEventsHeaders() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("ce_id", Map.of("type", "string", "description", "the record's id"));
        properties.put("ce_type", Map.of("type", "string", "description", "the payload's name"));
        properties.put("ce_source", Map.of("type", "string", "description", "the writing service, such as /webhook-ingress"));
        properties.put("ce_time", Map.of("type", "string", "format", "date-time", "description", "the record's occurredAt"));
        properties.put("ce_specversion", Map.of("type", "string", "const", "1.0"));
        properties.put("content-type", Map.of("type", "string", "const", "application/json"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("required", List.of("ce_id", "ce_type", "ce_source", "ce_specversion"));
        schema.put("properties", properties);
        return schema;
    }

    private static String camel(String constant) {
        StringBuilder out = new StringBuilder();
        for (String part : constant.toLowerCase().split("_")) {
            out.append(out.isEmpty() ? part : Character.toUpperCase(part.charAt(0)) + part.substring(1));
        }
        return out.toString();
    }
}
