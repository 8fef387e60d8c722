package io.wabiz.odoo;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.odoo.commands.CommandListener;
import io.wabiz.odoo.commands.CommandLog;
import io.wabiz.odoo.commands.NotReady;
import io.wabiz.odoo.commands.NotificationFlags;
import io.wabiz.odoo.commands.OrderCommands;
import io.wabiz.odoo.commands.PaymentBooking;
import io.wabiz.odoo.health.ConnectorState;
import io.wabiz.odoo.health.DatabaseCheck;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.health.OdooHealthIndicator;
import io.wabiz.odoo.health.Probe;
import io.wabiz.odoo.rpc.OdooClient;
import io.wabiz.odoo.sync.ChangeSync;
import io.wabiz.odoo.sync.OdooCatalog;
import io.wabiz.odoo.sync.Poller;
import io.wabiz.odoo.sync.RecordLedger;
import io.wabiz.odoo.sync.Watermarks;
import io.wabiz.odoo.webhooks.WebhookReads;
import io.wabiz.platform.kafka.TopicPublisher;
import io.wabiz.platform.security.StaffApiSecurity;
import io.wabiz.platform.security.StaffRoles;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.util.backoff.ExponentialBackOff;

/** Wires the connector's plain-Java parts to Spring, Kafka, MongoDB and the web. */
@Configuration(proxyBeanMethods = false)
class OdooConnectorConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OdooClient odooClient(ConnectorProperties properties) {
        return new OdooClient(properties.connection());
    }

    @Bean
    ConnectorState connectorState(Clock clock, MeterRegistry meters) {
        return new ConnectorState(clock, meters);
    }

    @Bean
    Odoo odoo(OdooClient client, ConnectorState state, ConnectorProperties properties) {
        return new Odoo(client, state, properties.retry());
    }

    @Bean
    OdooCatalog odooCatalog(Odoo odoo) {
        return new OdooCatalog(odoo);
    }

    @Bean
    RecordLedger recordLedger(MongoTemplate mongo) {
        mongo.indexOps(io.wabiz.odoo.sync.RecordEntry.class).createIndex(new Index().on("model", Sort.Direction.ASC));
        return new RecordLedger(mongo);
    }

    @Bean
    Watermarks watermarks(MongoTemplate mongo) {
        return new Watermarks(mongo);
    }

    @Bean
    CommandLog commandLog(MongoTemplate mongo, Clock clock) {
        var commands = mongo.indexOps(io.wabiz.odoo.commands.AppliedCommand.class);
        commands.createIndex(new Index().on("documentId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
        commands.createIndex(new Index().on("updatedAt", Sort.Direction.DESC));
        return new CommandLog(mongo, clock);
    }

    @Bean
    ChangeSync changeSync(Odoo odoo, OdooCatalog catalog, RecordLedger ledger, Watermarks watermarks,
                          TopicPublisher publisher, ConnectorProperties properties, Clock clock, MeterRegistry meters) {
        return ChangeSync.create(odoo, catalog, ledger, watermarks, publisher, properties, clock, meters);
    }

    @Bean
    Poller poller(ChangeSync sync, ConnectorState state, ConnectorProperties properties) {
        return new Poller(sync, state, properties);
    }

    @Bean(destroyMethod = "close")
    WebhookReads webhookReads(ChangeSync sync, ConnectorProperties properties, MeterRegistry meters) {
        return new WebhookReads(sync, properties.webhooks(), meters);
    }

    @Bean
    OrderCommands orderCommands(Odoo odoo, OdooCatalog catalog, CommandLog log, ConnectorProperties properties,
                                Clock clock) {
        return new OrderCommands(odoo, catalog, log, properties.commands(), clock);
    }

    @Bean
    NotificationFlags notificationFlags(Odoo odoo, CommandLog log) {
        return new NotificationFlags(odoo, log);
    }

    @Bean
    PaymentBooking paymentBooking(Odoo odoo, OdooCatalog catalog, CommandLog log, ConnectorProperties properties) {
        return new PaymentBooking(odoo, catalog, log, properties);
    }

    @Bean
    CommandListener commandListener(OrderCommands orders, NotificationFlags flags, PaymentBooking payments,
                                    CommandLog log, MeterRegistry meters) {
        return new CommandListener(orders, flags, payments, log, meters);
    }

    /**
     * A command that waits for Odoo (unreachable, transient, paused) is delivered again with a backoff doubling up to
     * {@code odoo.commands.retry-max}, without end: it is never acknowledged unapplied. Everything else keeps the
     * platform's bounded retries, then the dead-letter topic.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> commandsWaitForOdoo(DefaultErrorHandler errorHandler,
                                                                   ConnectorProperties properties) {
        ExponentialBackOff waiting = new ExponentialBackOff(properties.commands().retryInitial().toMillis(), 2.0);
        waiting.setMaxInterval(properties.commands().retryMax().toMillis());
        errorHandler.setBackOffFunction((record, exception) -> waitsForOdoo(exception) ? waiting : null);
        return event -> {
        };
    }

    private static boolean waitsForOdoo(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof NotReady) {
                return true;
            }
        }
        return false;
    }

    @Bean
    Probe probe(Odoo odoo) {
        return new Probe(odoo);
    }

    @Bean
    DatabaseCheck databaseCheck(OdooCatalog catalog) {
        return new DatabaseCheck(catalog);
    }

    /** After start: check the database once, and keep probing while paused. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> startupCheck(DatabaseCheck check, Probe probe, TaskScheduler scheduler,
                                                            ConnectorProperties properties) {
        return event -> {
            scheduler.schedule(check::run, java.time.Instant.now());
            scheduler.scheduleWithFixedDelay(probe::scheduledTry, properties.health().probeInterval());
        };
    }

    /** The {@code odoo} component of {@code /actuator/health}. */
    @Bean
    OdooHealthIndicator odooHealthIndicator(ConnectorState state) {
        return new OdooHealthIndicator(state);
    }

    @Bean
    SecurityFilterChain connectorApi(HttpSecurity http, ConnectorProperties properties,
                                     ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        return StaffApiSecurity.filterChain(http, properties.security(), jwtDecoder.getIfAvailable(), auth -> auth
                // Odoo signs nothing: the webhook URL's last segment is the secret, checked by the controller
                .requestMatchers(HttpMethod.POST, "/odoo/webhooks/*").permitAll()
                .requestMatchers(HttpMethod.POST, "/api/odoo/resume", "/api/odoo/resync").hasRole(StaffRoles.ADMIN)
                .requestMatchers("/api/**").hasRole(StaffRoles.AGENT));
    }
}
