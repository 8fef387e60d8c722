package io.wabiz.scenarioengine;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.events.phone.PhoneNumbers;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.scenarioengine.actions.ActionRunner;
import io.wabiz.scenarioengine.actions.Answers;
import io.wabiz.scenarioengine.actions.EngineSettings;
import io.wabiz.scenarioengine.admin.DefaultDefinitions;
import io.wabiz.scenarioengine.admin.DefinitionAdmin;
import io.wabiz.scenarioengine.admin.DryRun;
import io.wabiz.scenarioengine.definitions.DefinitionRegistry;
import io.wabiz.scenarioengine.definitions.DefinitionStore;
import io.wabiz.scenarioengine.definitions.DefinitionValidator;
import io.wabiz.scenarioengine.handoff.OpeningHours;
import io.wabiz.scenarioengine.orders.DocumentProjection;
import io.wabiz.scenarioengine.orders.ErpListeners;
import io.wabiz.scenarioengine.partners.PartnerDirectory;
import io.wabiz.scenarioengine.state.ConversationStates;
import io.wabiz.scenarioengine.taps.TapEngine;
import io.wabiz.scenarioengine.taps.TapLedger;
import io.wabiz.scenarioengine.taps.TapListener;
import io.wabiz.scenarioengine.taps.TapMetrics;
import io.wabiz.scenarioengine.taps.TapProcessor;
import io.wabiz.scenarioengine.texts.Wording;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.MongoDatabaseFactory;

/** Wires the plain-Java parts of the engine together. */
@Configuration(proxyBeanMethods = false)
public class ScenarioEngineConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoDatabase scenarioDatabase(MongoDatabaseFactory factory) {
        return factory.getMongoDatabase();
    }

    @Bean
    Wording wording(ScenarioEngineProperties properties) {
        return new Wording(properties.languages(), properties.defaultLanguage(), ZoneId.of(properties.zone()));
    }

    @Bean
    Answers answers(ScenarioEngineProperties properties) {
        Answers answers = DefaultDefinitions.read("defaults/answers.json", Answers.class);
        List<String> problems = answers.problems(properties.languages());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("the engine's answers (defaults/answers.json) are invalid: " + problems);
        }
        return answers;
    }

    @Bean
    OpeningHours openingHours(ScenarioEngineProperties properties) {
        Map<DayOfWeek, List<OpeningHours.Span>> week = new EnumMap<>(DayOfWeek.class);
        for (String entry : properties.handOff().openingHours()) {
            String[] dayAndSpans = entry.split("=", 2);
            if (dayAndSpans.length != 2) {
                throw new IllegalArgumentException("opening hours are written MONDAY=08:00-12:00,14:00-18:00, not "
                        + entry);
            }
            List<OpeningHours.Span> spans = new ArrayList<>();
            for (String span : dayAndSpans[1].split(",")) {
                spans.add(OpeningHours.Span.parse(span));
            }
            week.put(DayOfWeek.valueOf(dayAndSpans[0].strip().toUpperCase()), spans);
        }
        return new OpeningHours(ZoneId.of(properties.zone()), week, properties.handOff().responseTime());
    }

    @Bean
    DefinitionValidator definitionValidator(ScenarioEngineProperties properties) {
        return new DefinitionValidator(properties.languages(), properties.defaultLanguage());
    }

    @Bean
    DefinitionStore definitionStore(MongoDatabase database) {
        return new DefinitionStore(database);
    }

    @Bean(destroyMethod = "")
    DefinitionRegistry definitionRegistry(DefinitionStore store, DefinitionValidator validator, Clock clock,
                                          ScenarioEngineProperties properties) {
        DefinitionRegistry registry = new DefinitionRegistry(store);
        DefaultDefinitions.seed(store, registry, validator, clock);
        return registry;
    }

    @Bean(destroyMethod = "shutdownNow")
    ScheduledExecutorService definitionsRefresher(DefinitionRegistry registry, ScenarioEngineProperties properties) {
        ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("definitions-refresh").factory());
        long period = properties.definitionsRefresh().toMillis();
        refresher.scheduleWithFixedDelay(registry::refreshIfChanged, period, period, TimeUnit.MILLISECONDS);
        return refresher;
    }

    @Bean
    DefinitionAdmin definitionAdmin(DefinitionStore store, DefinitionRegistry registry, DefinitionValidator validator,
                                    Clock clock) {
        return new DefinitionAdmin(store, registry, validator, clock);
    }

    @Bean
    DocumentProjection documentProjection(MongoDatabase database) {
        return new DocumentProjection(database);
    }

    @Bean
    PartnerDirectory partnerDirectory(MongoDatabase database, ScenarioEngineProperties properties) {
        return new PartnerDirectory(database, new PhoneNumbers(properties.defaultCountry()));
    }

    @Bean
    ConversationStates conversationStates(MongoDatabase database) {
        return new ConversationStates(database);
    }

    @Bean
    TapLedger tapLedger(MongoDatabase database, ScenarioEngineProperties properties) {
        return new TapLedger(database, properties.tapRetention());
    }

    @Bean
    TapEngine tapEngine(Wording wording, Answers answers, OpeningHours hours, ScenarioEngineProperties properties) {
        EngineSettings settings = new EngineSettings(properties.scenarioExpiry(), properties.cancelQuestionExpiry(),
                properties.pendingTimeout(), properties.paymentProviders().stream()
                .map(p -> new EngineSettings.PaymentProvider(p.id(), p.title())).toList());
        return new TapEngine(new ActionRunner(wording, answers, hours, settings), answers, wording);
    }

    @Bean
    TapMetrics tapMetrics(MeterRegistry registry) {
        return new TapMetrics(registry);
    }

    @Bean
    TapProcessor tapProcessor(TapEngine engine, DefinitionRegistry registry, DocumentProjection documents,
                              PartnerDirectory partners, ConversationStates states, TapLedger ledger,
                              TopicPublisher publisher, TapMetrics metrics, Clock clock,
                              ScenarioEngineProperties properties) {
        return new TapProcessor(engine, registry, documents, partners, states, ledger, publisher, metrics, clock,
                properties.pendingTimeout(), properties.publishTimeout());
    }

    @Bean
    DryRun dryRun(TapEngine engine, DefinitionRegistry registry, DocumentProjection documents,
                  PartnerDirectory partners, ConversationStates states, Clock clock) {
        return new DryRun(engine, registry, documents, partners, states, clock);
    }

    @Bean
    TapListener tapListener(TapProcessor processor) {
        return new TapListener(processor);
    }

    @Bean
    ErpListeners erpListeners(DocumentProjection documents, PartnerDirectory partners) {
        return new ErpListeners(documents, partners);
    }
}
