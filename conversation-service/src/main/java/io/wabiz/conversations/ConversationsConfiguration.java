package io.wabiz.conversations;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.conversations.history.documents.ConversationDocument;
import io.wabiz.conversations.history.documents.MessageDocument;
import io.wabiz.conversations.history.ingest.HistoryListeners;
import io.wabiz.conversations.history.ingest.HistoryMetrics;
import io.wabiz.conversations.history.store.ConversationSummaries;
import io.wabiz.conversations.history.store.HistoryQueries;
import io.wabiz.conversations.history.store.HistoryWriters;
import io.wabiz.conversations.optout.ContactPreferences;
import io.wabiz.conversations.optout.OptOutKeywords;
import io.wabiz.conversations.partners.PartnerDirectory;
import io.wabiz.conversations.partners.PartnerDocument;
import io.wabiz.conversations.partners.PartnerListener;
import io.wabiz.conversations.send.StaffSender;
import io.wabiz.conversations.templates.TemplateCatalogue;
import io.wabiz.conversations.templates.TemplateListener;
import io.wabiz.conversations.web.KnownQueryParameters;
import io.wabiz.conversations.web.RequestBodyLimit;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.platform.kafka.TopicPublisher;
import java.time.Clock;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;

/** Wires the plain-Java parts of the service together. */
@Configuration(proxyBeanMethods = false)
public class ConversationsConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PhoneNumbers phoneNumbers(ConversationsProperties properties) {
        return new PhoneNumbers(properties.defaultCountry());
    }

    @Bean
    OptOutKeywords optOutKeywords(ConversationsProperties properties) {
        return new OptOutKeywords(properties.optOut().stopKeywords(), properties.optOut().startKeywords());
    }

    @Bean
    HistoryWriters historyWriters(MongoTemplate mongo, ConversationsProperties properties) {
        return HistoryWriters.of(mongo, properties.customerWindow());
    }

    @Bean
    ConversationSummaries conversationSummaries(HistoryWriters history) {
        return history.summaries();
    }

    @Bean
    HistoryQueries historyQueries(MongoTemplate mongo) {
        return new HistoryQueries(mongo);
    }

    @Bean
    HistoryMetrics historyMetrics(MeterRegistry registry) {
        return new HistoryMetrics(registry);
    }

    @Bean
    PartnerDirectory partnerDirectory(MongoTemplate mongo, PhoneNumbers phoneNumbers) {
        return new PartnerDirectory(mongo, phoneNumbers);
    }

    @Bean
    ContactPreferences contactPreferences(MongoTemplate mongo) {
        return new ContactPreferences(mongo);
    }

    @Bean
    TemplateCatalogue templateCatalogue(MongoTemplate mongo) {
        return new TemplateCatalogue(mongo);
    }

    @Bean
    StaffSender staffSender(HistoryWriters history, HistoryQueries queries, PartnerDirectory partners,
                            ContactPreferences contacts, TemplateCatalogue templates, PhoneNumbers phoneNumbers,
                            TopicPublisher publisher, ConversationsProperties properties, Clock clock) {
        return new StaffSender(history.sendOutcomes(), queries, partners, contacts, templates, phoneNumbers, publisher,
                properties, clock);
    }

    @Bean
    HistoryListeners historyListeners(HistoryWriters history, HistoryMetrics metrics, OptOutKeywords keywords,
                                      ContactPreferences contacts, PartnerDirectory partners) {
        return new HistoryListeners(history, metrics, keywords, contacts, partners);
    }

    @Bean
    PartnerListener partnerListener(PartnerDirectory directory) {
        return new PartnerListener(directory);
    }

    @Bean
    TemplateListener templateListener(TemplateCatalogue catalogue) {
        return new TemplateListener(catalogue);
    }

    /** The staff API's body cap, before Spring Security and MVC read anything. */
    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(ConversationsProperties properties) {
        FilterRegistrationBean<RequestBodyLimit> registration =
                new FilterRegistrationBean<>(new RequestBodyLimit(properties.maxRequestBodySize()));
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }

    /**
     * A number or a boolean where the staff API expects text ({@code "to": 221771234567}) is refused as the wrong
     * type ({@code 'to' must be a string}), not read as its digits. Only the HTTP bodies: records use EventJson.
     */
    @Bean
    JsonMapperBuilderCustomizer textOnlyFromText() {
        return builder -> builder.withCoercionConfig(LogicalType.Textual, text -> text
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }

    /** The staff API refuses query parameters its endpoints do not read. */
    @Bean
    WebMvcConfigurer knownQueryParameters() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new KnownQueryParameters()).addPathPatterns("/api/**");
            }
        };
    }

    @Bean
    IndexCreator indexCreator(MongoTemplate mongo) {
        return new IndexCreator(mongo);
    }

    /** The indexes the queries need; creating an existing index is a no-op. */
    static class IndexCreator {

        private final MongoTemplate mongo;

        IndexCreator(MongoTemplate mongo) {
            this.mongo = mongo;
            IndexOperations messages = mongo.indexOps(MessageDocument.class);
            messages.createIndex(new Index().on("conversationId", Sort.Direction.ASC).on("at", Sort.Direction.ASC));
            messages.createIndex(new Index().on("at", Sort.Direction.DESC));
            messages.createIndex(new Index().on("customerWaId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
            messages.createIndex(new Index().on("idempotencyKey", Sort.Direction.ASC));
            // the search by order or invoice number (HistoryQueries.conversationsAboutDocument)
            messages.createIndex(new Index().on("correlation.documentNumber", Sort.Direction.ASC).sparse());
            IndexOperations conversations = mongo.indexOps(ConversationDocument.class);
            conversations.createIndex(new Index().on("lastActivityAt", Sort.Direction.DESC));
            conversations.createIndex(new Index().on("customerWaId", Sort.Direction.ASC));
            mongo.indexOps(PartnerDocument.class).createIndex(new Index().on("waIds", Sort.Direction.ASC));
        }
    }
}
