package io.wabiz.reminders;

import static io.wabiz.platform.security.StaffRoles.ADMIN;

import com.mongodb.client.model.Indexes;
import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.notification.links.SignedTokens;
import io.wabiz.notification.messages.MessageBundles;
import io.wabiz.notification.templates.TemplateDefinition;
import io.wabiz.notification.templates.TemplateDefinitions;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.platform.security.StaffApiSecurity;
import io.wabiz.reminders.clock.OffsetClock;
import io.wabiz.reminders.invoices.Companies;
import io.wabiz.reminders.invoices.InvoiceListener;
import io.wabiz.reminders.invoices.InvoiceProjection;
import io.wabiz.reminders.log.OutcomeListener;
import io.wabiz.reminders.log.ReminderLog;
import io.wabiz.reminders.log.SkipLog;
import io.wabiz.reminders.messages.ConfiguredInvoiceLinks;
import io.wabiz.reminders.messages.InvoiceLinks;
import io.wabiz.reminders.messages.ReminderMessages;
import io.wabiz.reminders.partners.PartnerListener;
import io.wabiz.reminders.partners.PartnerProjection;
import io.wabiz.reminders.pauses.Pauses;
import io.wabiz.reminders.run.CompanyCadences;
import io.wabiz.reminders.run.DailyRuns;
import io.wabiz.reminders.run.ReminderMetrics;
import io.wabiz.reminders.run.ReminderPlanner;
import io.wabiz.reminders.run.ReminderRules;
import io.wabiz.reminders.run.ReminderRun;
import io.wabiz.reminders.run.RunLock;
import io.wabiz.reminders.run.RunRegistry;
import io.wabiz.reminders.run.ScheduledRuns;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

/** Wires the plain-Java parts of the service together; the only Spring-aware class besides the web edge. */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT2M")
public class RemindersConfiguration {

    @Bean
    OffsetClock clock() {
        return new OffsetClock(Clock.systemUTC());
    }

    @Bean
    PhoneNumbers phoneNumbers() {
        return new PhoneNumbers("SN");
    }

    @Bean
    Companies companies(MongoTemplate mongo) {
        return new Companies(mongo.getCollection(Companies.COLLECTION));
    }

    @Bean
    InvoiceProjection invoiceProjection(MongoTemplate mongo, Companies companies) {
        var collection = mongo.getCollection(InvoiceProjection.COLLECTION);
        collection.createIndex(Indexes.compoundIndex(Indexes.ascending("company"), Indexes.ascending("status"),
                Indexes.ascending("dueDate")));
        return new InvoiceProjection(collection, companies);
    }

    @Bean
    PartnerProjection partnerProjection(MongoTemplate mongo, PhoneNumbers phoneNumbers) {
        return new PartnerProjection(mongo.getCollection(PartnerProjection.COLLECTION), phoneNumbers);
    }

    @Bean
    Pauses pauses(MongoTemplate mongo, OffsetClock clock) {
        return new Pauses(mongo.getCollection(Pauses.COLLECTION), clock);
    }

    @Bean
    ReminderLog reminderLog(MongoTemplate mongo) {
        ReminderLog log = new ReminderLog(mongo.getCollection(ReminderLog.COLLECTION));
        log.createIndexes();
        return log;
    }

    @Bean
    SkipLog skipLog(MongoTemplate mongo) {
        SkipLog skips = new SkipLog(mongo.getCollection(SkipLog.COLLECTION));
        skips.createIndexes();
        return skips;
    }

    @Bean
    RunRegistry runRegistry(MongoTemplate mongo) {
        RunRegistry registry = new RunRegistry(mongo.getCollection(RunRegistry.COLLECTION));
        registry.createIndexes();
        return registry;
    }

    @Bean
    CompanyCadences companyCadences(RemindersProperties properties) {
        return CompanyCadences.from(properties);
    }

    @Bean
    TemplateDefinitions templateDefinitions() throws IOException {
        List<TemplateDefinition> definitions = new ArrayList<>();
        for (Resource file : new PathMatchingResourcePatternResolver()
                .getResources(TemplateDefinitions.CLASSPATH_PATTERN)) {
            try (InputStream in = file.getInputStream()) {
                definitions.add(TemplateDefinitions.read(file.getFilename(), in));
            }
        }
        return new TemplateDefinitions(definitions);
    }

    @Bean
    InvoiceLinks invoiceLinks(RemindersProperties properties, OffsetClock clock) {
        RemindersProperties.Links links = properties.links();
        return new ConfiguredInvoiceLinks(links.publicBaseUrl(), new SignedTokens(links.signingKey(), List.of()),
                links.provider(), links.payLinkLifetime(), links.minimumValidity(), links.documentLinkLifetime(),
                links.attachDocuments(), clock);
    }

    /** Refuses to start when a configured level names a template that is not shipped, or has the wrong shape. */
    @Bean
    ReminderMessages reminderMessages(TemplateDefinitions definitions, InvoiceLinks links,
                                      RemindersProperties properties, CompanyCadences cadences) {
        ReminderMessages messages = new ReminderMessages(definitions,
                MessageBundles.load("messages/common", "messages/reminders"), links,
                properties.templateLanguageFallbacks());
        List<String> problems = new ArrayList<>();
        cadences.levelsByCompany().forEach((company, levels) -> messages
                .problems(levels, cadences.defaultLanguage(company)).forEach(p -> problems.add(company + ": " + p)));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("reminder templates do not fit the dunning levels: "
                    + String.join("; ", problems));
        }
        return messages;
    }

    @Bean
    ReminderRules reminderRules(ReminderMessages messages) {
        return new ReminderRules(messages);
    }

    @Bean
    ReminderPlanner reminderPlanner(InvoiceProjection invoices, PartnerProjection partners, Pauses pauses,
                                    CompanyCadences cadences, ReminderRules rules, RemindersProperties properties) {
        return new ReminderPlanner(invoices, partners, pauses, cadences, rules, properties.run().batchSize());
    }

    @Bean
    ReminderMetrics reminderMetrics(MeterRegistry registry) {
        return new ReminderMetrics(registry);
    }

    @Bean
    ReminderRun reminderRun(ReminderPlanner planner, InvoiceProjection invoices, PartnerProjection partners,
                            Pauses pauses, CompanyCadences cadences, ReminderRules rules, ReminderMessages messages,
                            ReminderLog log, SkipLog skips, RunRegistry registry, TopicPublisher publisher,
                            ReminderMetrics metrics, OffsetClock clock, RemindersProperties properties) {
        return new ReminderRun(planner, invoices, partners, pauses, cadences, rules, messages, log, skips, registry,
                publisher, metrics, clock, replicaId(properties), properties.run().batchSize(),
                properties.run().publishTimeout());
    }

    @Bean
    DailyRuns dailyRuns(CompanyCadences cadences, Companies companies, RunRegistry registry, ReminderRun run,
                        ReminderMetrics metrics, OffsetClock clock) {
        return new DailyRuns(cadences, companies, registry, run, metrics, clock);
    }

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    RunLock runLock(LockProvider lockProvider, RemindersProperties properties) {
        return new RunLock(new DefaultLockingTaskExecutor(lockProvider), properties.run().lockAtMostFor(),
                properties.run().lockAtLeastFor());
    }

    @Bean
    @ConditionalOnProperty(name = "reminders.run.scheduler-enabled", havingValue = "true", matchIfMissing = true)
    ScheduledRuns scheduledRuns(DailyRuns runs, RunLock lock) {
        return new ScheduledRuns(runs, lock);
    }

    @Bean
    InvoiceListener invoiceListener(InvoiceProjection projection) {
        return new InvoiceListener(projection);
    }

    @Bean
    PartnerListener partnerListener(PartnerProjection projection) {
        return new PartnerListener(projection);
    }

    @Bean
    OutcomeListener outcomeListener(ReminderLog log, TopicPublisher publisher, ReminderMetrics metrics,
                                    OffsetClock clock, RemindersProperties properties) {
        return new OutcomeListener(log, publisher, metrics, clock, properties.run().publishTimeout());
    }

    @Bean
    SecurityFilterChain adminApi(HttpSecurity http, RemindersProperties properties,
                                 ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(),
                auth -> auth.requestMatchers("/admin/**").hasRole(ADMIN));
    }

    private static String replicaId(RemindersProperties properties) {
        if (properties.replicaId() != null && !properties.replicaId().isBlank()) {
            return properties.replicaId();
        }
        try {
            return InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (UnknownHostException e) {
            return "replica:" + ProcessHandle.current().pid();
        }
    }

}
