package io.wabiz.odoosim;

import io.wabiz.odoosim.faults.Fault;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the stand-in plays, under {@code odoo-simulator.*}. The defaults are the local stack's obviously fake
 * values; nothing here is a real credential.
 *
 * @param version        {@code 16.0}, {@code 17.0} (the recorded server), {@code 18.0} or {@code saas~17.2+e}
 * @param database       the database name the calls must give
 * @param whatsappFields start with the {@code x_whatsapp_*} custom fields already created (as after installing
 *                       the connector's addon); false to rehearse their creation over {@code ir.model.fields}
 * @param settledState   {@code paid} (Community) or {@code in_payment} (Enterprise accounting)
 * @param lockConfirmed  "Lock Confirmed Sales" on
 * @param dataDir        where the database is kept between runs; empty: in memory only
 * @param fault          a fault in force from the start (see {@link Fault})
 * @param loginCooldownAfter failed logins from one address before Odoo refuses it for 60 s ({@code base.login_cooldown_after})
 */
@ConfigurationProperties("odoo-simulator")
public record SimulatorProperties(@DefaultValue("17.0") String version, @DefaultValue("wabiz") String database,
                                  List<User> users, @DefaultValue("true") boolean whatsappFields,
                                  @DefaultValue("paid") String settledState,
                                  @DefaultValue("false") boolean lockConfirmed, @DefaultValue Webhooks webhooks,
                                  String dataDir, @DefaultValue("500") int rpcLogSize, Fault fault,
                                  @DefaultValue("5") int loginCooldownAfter) {

    public SimulatorProperties {
        users = users == null || users.isEmpty()
                ? List.of(new User(2, "api-user", "Mitchell Admin", "local-odoo-password", "local-odoo-api-key", true,
                List.of(1L), "en_US", "Africa/Dakar"))
                : List.copyOf(users);
        if (!settledState.equals("paid") && !settledState.equals("in_payment")) {
            throw new IllegalArgumentException("odoo-simulator.settled-state must be paid or in_payment");
        }
    }

    @Override
    public String toString() {
        return "SimulatorProperties[version=" + version + ", database=" + database + ", users=" + users.size()
                + ", webhooks=" + webhooks.rules().size() + " rules, dataDir=" + dataDir + "]";
    }

    /** An API user; the password and key are local fakes (real ones come from the environment). */
    public record User(long uid, String login, String name, String password, String apiKey,
                       @DefaultValue("false") boolean administrator, List<Long> companyIds,
                       @DefaultValue("en_US") String lang, @DefaultValue("Africa/Dakar") String tz) {

        @Override
        public String toString() {
            return "User[uid=" + uid + ", login=" + login + ", password=****, apiKey=****]";
        }
    }

    /**
     * @param postsPerChange how many identical POSTs one change makes (three on the recorded Odoo 17 server)
     * @param timeout        Odoo's {@code requests.post(..., timeout=1)}
     * @param afterCommit    post after the commit (Odoo 19) instead of before it (16-18)
     */
    public record Webhooks(@DefaultValue("3") int postsPerChange, @DefaultValue("1s") Duration timeout,
                           @DefaultValue("false") boolean afterCommit, @DefaultValue("200") int logSize,
                           List<Rule> rules) {

        public Webhooks {
            rules = rules == null ? List.of() : List.copyOf(rules);
        }
    }

    /** An automation rule with a "Send Webhook Notification" action; see {@code AutomationRule}. */
    public record Rule(Long actionId, String name, String model, String url, List<String> fields,
                       List<String> triggerFields, List<List<Object>> domain) {
    }
}
