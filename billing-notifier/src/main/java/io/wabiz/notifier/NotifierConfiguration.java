package io.wabiz.notifier;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.messages.MessageBundles;
import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notification.templates.TemplateDefinition;
import io.wabiz.notification.templates.TemplateDefinitions;
import io.wabiz.notification.templates.TemplateNames;
import io.wabiz.notifier.messages.NotifierTexts;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationEntry;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.notifications.NotificationMetrics;
import io.wabiz.notifier.notifications.NotificationOutcomes;
import io.wabiz.notifier.orders.OrderListener;
import io.wabiz.notifier.orders.OrderMessages;
import io.wabiz.notifier.orders.OrderNotifications;
import io.wabiz.notifier.orders.OrderPartnerArrivals;
import io.wabiz.notifier.orders.OrderProjection;
import io.wabiz.notifier.orders.OrderRequests;
import io.wabiz.notifier.partners.PartnerArrivals;
import io.wabiz.notifier.partners.PartnerListener;
import io.wabiz.notifier.partners.PartnerProjection;
import io.wabiz.notifier.partners.WaitingNotifications;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.platform.security.StaffApiSecurity;
import io.wabiz.platform.security.StaffRoles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Wires the notifier's plain-Java parts from {@link NotifierProperties}; Spring stays at this edge. */
@Configuration(proxyBeanMethods = false)
public class NotifierConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NotifierConfiguration.class);

    /** The message bundles of the notifier's flows; a flow adds its own base name here. */
    static final String[] BUNDLES = {"messages/common", "messages/orders", "messages/invoices"};

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PhoneNumbers phoneNumbers(NotifierProperties properties) {
        return new PhoneNumbers(properties.defaultCountry());
    }

    @Bean
    BusinessNumberRouting businessNumberRouting(NotifierProperties properties) {
        Map<String, BusinessNumberRouting.Company> companies = new LinkedHashMap<>();
        properties.companies().forEach((id, company) -> companies.put(id, new BusinessNumberRouting.Company(
                company.businessPhoneNumberId(), company.timeZone(), company.defaultLanguage(),
                company.optInPolicy())));
        return new BusinessNumberRouting(companies, new BusinessNumberRouting.Company(
                properties.defaultBusinessPhoneNumberId(), properties.defaultTimeZone(), properties.defaultLanguage(),
                properties.optInPolicy()));
    }

    /** The shipped template definitions (notification-rules' {@code whatsapp-templates/*.json}). */
    @Bean
    TemplateDefinitions templateDefinitions() throws IOException {
        List<TemplateDefinition> definitions = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver().getResources(
                TemplateDefinitions.CLASSPATH_PATTERN)) {
            try (InputStream in = file.getInputStream()) {
                definitions.add(TemplateDefinitions.read(file.getFilename(), in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new TemplateDefinitions(definitions);
    }

    @Bean
    TemplateNames templateNames(NotifierProperties properties, TemplateDefinitions definitions) {
        TemplateNames names = new TemplateNames(properties.templates().names(),
                properties.templates().languageFallbacks(), properties.defaultLanguage());
        TemplateCheck.check(names, definitions, log);
        return names;
    }

    @Bean
    NotifierTexts notifierTexts(TemplateNames templates) {
        return new NotifierTexts(MessageBundles.load(BUNDLES), templates);
    }

    @Bean
    NotificationLog notificationLog(MongoTemplate mongo) {
        return new NotificationLog(mongo);
    }

    @Bean
    NotificationMetrics notificationMetrics(MeterRegistry registry) {
        return new NotificationMetrics(registry);
    }

    @Bean
    NotificationDispatcher notificationDispatcher(NotificationLog log, TopicPublisher publisher,
                                                  NotificationMetrics metrics, NotifierProperties properties,
                                                  Clock clock) {
        return new NotificationDispatcher(log, publisher, metrics, properties.publishTimeout(), clock);
    }

    @Bean
    NotificationOutcomes notificationOutcomes(NotificationLog log, NotificationDispatcher dispatcher,
                                              NotificationMetrics metrics, Clock clock) {
        return new NotificationOutcomes(log, dispatcher, metrics, clock);
    }

    @Bean
    PartnerProjection partnerProjection(MongoTemplate mongo, PhoneNumbers phoneNumbers,
                                        NotifierProperties properties) {
        return new PartnerProjection(mongo, phoneNumbers, properties.partnerCacheSize());
    }

    @Bean
    WaitingNotifications waitingNotifications(PartnerProjection partners, NotificationLog log,
                                              NotificationDispatcher dispatcher, List<PartnerArrivals> flows) {
        return new WaitingNotifications(partners, log, dispatcher, flows);
    }

    @Bean
    PartnerListener partnerListener(PartnerProjection partners, WaitingNotifications waiting) {
        return new PartnerListener(partners, waiting);
    }

    @Bean
    OrderProjection orderProjection(MongoTemplate mongo) {
        return new OrderProjection(mongo);
    }

    @Bean
    OrderMessages orderMessages(NotifierTexts texts) {
        return new OrderMessages(texts);
    }

    @Bean
    OrderNotifications orderNotifications(NotifierProperties properties, BusinessNumberRouting routing,
                                          NotifierTexts texts, OrderMessages messages, Clock clock) {
        return new OrderNotifications(properties, routing, texts, messages, clock);
    }

    @Bean
    OrderPartnerArrivals orderPartnerArrivals(OrderProjection orders, OrderNotifications notifications) {
        return new OrderPartnerArrivals(orders, notifications);
    }

    @Bean
    OrderListener orderListener(OrderProjection orders, PartnerProjection partners, OrderNotifications notifications,
                                NotificationDispatcher dispatcher, WaitingNotifications waiting) {
        return new OrderListener(orders, partners, notifications, dispatcher, waiting);
    }

    @Bean
    OrderRequests orderRequests(OrderProjection orders, PartnerProjection partners, OrderNotifications notifications,
                                NotificationDispatcher dispatcher) {
        return new OrderRequests(orders, partners, notifications, dispatcher);
    }

    @Bean
    SecurityFilterChain staffApi(HttpSecurity http, NotifierProperties properties,
                                 ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(), auth -> auth
                // public, and verified by what they carry: signed link tokens, the providers' signatures
                .requestMatchers(HttpMethod.GET, "/documents/*", "/pay/*", "/pay/return/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/payments/callbacks/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/orders/*/notifications/*/resend").hasRole(StaffRoles.ADMIN)
                .requestMatchers("/api/**").hasRole(StaffRoles.AGENT));
    }

    @Bean
    IndexCreator notifierIndexes(MongoTemplate mongo) {
        return new IndexCreator(mongo);
    }

    /** The indexes the log's queries need; creating an existing index is a no-op. */
    static final class IndexCreator {
        IndexCreator(MongoTemplate mongo) {
            var notifications = mongo.indexOps(NotificationEntry.class);
            notifications.createIndex(new Index().on("documentType", Sort.Direction.ASC)
                    .on("documentId", Sort.Direction.ASC));
            notifications.createIndex(new Index().on("partnerId", Sort.Direction.ASC).on("state", Sort.Direction.ASC));
            notifications.createIndex(new Index().on("createdAt", Sort.Direction.DESC));
            notifications.createIndex(new Index().on("wamid", Sort.Direction.ASC));
        }
    }
}
