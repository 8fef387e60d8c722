package io.wabiz.odoosim;

import io.wabiz.odoosim.faults.Faults;
import io.wabiz.odoosim.jsonrpc.RpcLog;
import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.OdooVersion;
import io.wabiz.odoosim.webhooks.AutomationRule;
import io.wabiz.odoosim.webhooks.AutomationWebhooks;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Wires the plain-Java Odoo server, its webhooks, faults and persistence to Spring. */
@Configuration(proxyBeanMethods = false)
class SimulatorConfiguration {

    /** The first automation rule gets the recorded server's action id, the next ones the following ids. */
    static final long FIRST_ACTION_ID = 333;

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OdooServer odooServer(SimulatorProperties properties, Clock clock) {
        List<OdooServer.User> users = properties.users().stream().map(u -> new OdooServer.User(u.uid(), u.login(),
                u.name(), u.password(), u.apiKey(), u.administrator(), u.companyIds(), u.lang(), u.tz())).toList();
        return new OdooServer(new OdooServer.Settings(OdooVersion.of(properties.version()), properties.database(),
                users, properties.whatsappFields(), properties.settledState(), properties.lockConfirmed(),
                properties.loginCooldownAfter()), clock);
    }

    @Bean
    AutomationWebhooks automationWebhooks(SimulatorProperties properties, OdooServer server, Clock clock) {
        AutomationWebhooks webhooks = new AutomationWebhooks(rules(properties.webhooks().rules()),
                properties.webhooks().postsPerChange(), properties.webhooks().timeout(),
                properties.webhooks().afterCommit(), properties.webhooks().logSize(), clock);
        server.beforeCommit(webhooks::beforeCommit);
        return webhooks;
    }

    static List<AutomationRule> rules(List<SimulatorProperties.Rule> configured) {
        List<AutomationRule> rules = new ArrayList<>();
        for (int i = 0; i < configured.size(); i++) {
            SimulatorProperties.Rule rule = configured.get(i);
            rules.add(new AutomationRule(rule.actionId() != null ? rule.actionId() : FIRST_ACTION_ID + i, rule.name(),
                    rule.model(), rule.url(), rule.fields(), rule.triggerFields(),
                    rule.domain() == null ? List.of() : new ArrayList<>(rule.domain())));
        }
        return rules;
    }

    @Bean
    Faults faults(SimulatorProperties properties) {
        Faults faults = new Faults();
        if (properties.fault() != null) {
            faults.set(properties.fault());
        }
        return faults;
    }

    @Bean
    RpcLog rpcLog(SimulatorProperties properties) {
        return new RpcLog(properties.rpcLogSize());
    }

    @Bean
    Persistence persistence(SimulatorProperties properties, OdooServer server) {
        StateFile file = properties.dataDir() == null || properties.dataDir().isBlank() ? null
                : new StateFile(Path.of(properties.dataDir()));
        if (file != null) {
            file.restore(server);
        }
        return new Persistence(file, server);
    }

    /** Saves the database a moment after it changed, and once more when the simulator stops. */
    static final class Persistence implements AutoCloseable {
        private final StateFile file;
        private final OdooServer server;

        Persistence(StateFile file, OdooServer server) {
            this.file = file;
            this.server = server;
        }

        @Scheduled(fixedDelay = 1000)
        void save() {
            if (file != null) {
                file.saveIfChanged(server);
            }
        }

        @Override
        public void close() {
            save();
        }
    }
}
