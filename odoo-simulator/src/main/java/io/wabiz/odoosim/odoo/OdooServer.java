package io.wabiz.odoosim.odoo;

import io.wabiz.odoosim.orm.Database;
import io.wabiz.odoosim.orm.Env;
import io.wabiz.odoosim.orm.Model;
import io.wabiz.odoosim.orm.ModelBehaviour;
import io.wabiz.odoosim.orm.OdooError;
import io.wabiz.odoosim.orm.OdooVersion;
import io.wabiz.odoosim.orm.Orm;
import io.wabiz.odoosim.orm.Registry;
import io.wabiz.odoosim.orm.Transaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The Odoo server the stand-in plays, without HTTP: the {@code common}, {@code object} and {@code db} services
 * of {@code /jsonrpc}, authentication by password or API key on every {@code execute_kw}, the login cooldown,
 * and the database with its models. Plain Java: the web layer and the tests drive it the same way.
 */
public final class OdooServer {

    /**
     * An Odoo user who may call the API.
     *
     * @param apiKey        accepted in place of the password (Odoo 14+ API keys)
     * @param administrator in "Administration / Access Rights" (may create custom fields)
     */
    public record User(long uid, String login, String name, String password, String apiKey, boolean administrator,
                       List<Long> companyIds, String lang, String tz) {

        public User {
            companyIds = companyIds == null || companyIds.isEmpty() ? List.of(1L) : List.copyOf(companyIds);
        }

        @Override
        public String toString() {
            return "User[uid=" + uid + ", login=" + login + ", password=****, apiKey=****]";
        }
    }

    /**
     * @param settledState  {@code paid} (Community) or {@code in_payment} (Enterprise accounting) for a fully paid invoice
     * @param lockConfirmed "Lock Confirmed Sales": a confirmed order is locked ({@code done} in 16)
     */
    public record Settings(OdooVersion version, String database, List<User> users, boolean whatsappFields,
                           String settledState, boolean lockConfirmed, int cooldownAfter) {

        public Settings(OdooVersion version, String database, List<User> users, boolean whatsappFields,
                        String settledState, boolean lockConfirmed) {
            this(version, database, users, whatsappFields, settledState, lockConfirmed, 5);
        }
    }

    private static final Duration COOLDOWN = Duration.ofSeconds(60);

    private final Settings settings;
    private final Clock clock;
    private final Database database;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Set<Long> revokedKeys = ConcurrentHashMap.newKeySet();
    private volatile Consumer<Transaction> beforeCommit = tx -> {
    };

    private record Failures(int count, Instant last) {
    }

    public OdooServer(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        Registry registry = Schema.build(settings.version());
        install(registry, settings);
        this.database = new Database(registry, clock, settings.version());
        Seed.load(database, settings.users(), settings.whatsappFields());
    }

    private static void install(Registry registry, Settings settings) {
        Invoices invoices = new Invoices(settings.settledState());
        Set<Long> administrators = ConcurrentHashMap.newKeySet();
        settings.users().stream().filter(User::administrator).forEach(u -> administrators.add(u.uid()));
        registry.model("res.partner").behaviour(new Partners());
        registry.model("res.users").behaviour(new Users());
        registry.model("product.product").behaviour(new ModelBehaviour() {
            @Override
            public String displayName(Transaction tx, Model model, long id, Map<String, Object> values) {
                String code = Rows.string(values, "default_code");
                String name = Rows.string(values, "name");
                return code == null ? name : "[" + code + "] " + name;
            }
        });
        registry.model(SaleOrders.MODEL).behaviour(new SaleOrders(settings.lockConfirmed()));
        registry.model(SaleOrderLines.MODEL).behaviour(new SaleOrderLines());
        registry.model(Invoices.MODEL).behaviour(invoices);
        registry.model(InvoiceLines.MODEL).behaviour(new InvoiceLines());
        registry.model(PaymentRegister.MODEL).behaviour(new PaymentRegister(invoices));
        registry.model("account.payment").behaviour(new PaymentRegister.Payments());
        registry.model(InvoicingWizard.MODEL).behaviour(new InvoicingWizard());
        registry.model(CustomFields.MODEL).behaviour(new CustomFields(administrators::contains));
        registry.model("ir.model").behaviour(new ModelBehaviour() {
            @Override
            public void applyDefaults(Transaction tx, Map<String, Object> values) {
                throw OdooError.userError("The stand-in has no custom models: add custom fields to existing ones.");
            }
        });
    }

    public Database database() {
        return database;
    }

    public Settings settings() {
        return settings;
    }

    /** What runs between a writing call's work and its commit (the automation webhooks). */
    public void beforeCommit(Consumer<Transaction> hook) {
        this.beforeCommit = hook;
    }

    /** Keys refused from now on (as if the user revoked or, in 18, let them expire), or accepted again. */
    public void revokeKey(long uid, boolean revoked) {
        if (revoked) {
            revokedKeys.add(uid);
        } else {
            revokedKeys.remove(uid);
        }
    }

    /**
     * One JSON-RPC call: {@code params.service}, {@code params.method}, {@code params.args}.
     *
     * @param remoteAddress the caller's address, for the login cooldown
     * @return the result; null means Odoo returned None (the envelope then has no {@code result})
     */
    public Object dispatch(String service, String method, List<Object> args, String remoteAddress) {
        return switch (service) {
            case "common" -> common(method, args, remoteAddress);
            case "object" -> object(method, args, remoteAddress);
            case "db" -> switch (method) {
                case "list" -> List.of(settings.database());
                case "server_version" -> settings.version().serverVersion();
                default -> throw OdooError.keyError(method);
            };
            default -> throw OdooError.keyError(service);
        };
    }

    private Object common(String method, List<Object> args, String remoteAddress) {
        return switch (method) {
            case "version" -> {
                Map<String, Object> version = new LinkedHashMap<>();
                version.put("server_version", settings.version().serverVersion());
                version.put("server_version_info", settings.version().serverVersionInfo());
                version.put("server_serie", settings.version().serverSerie());
                version.put("protocol_version", 1);
                yield version;
            }
            case "about" -> "See http://openerp.com";
            case "login", "authenticate" -> {
                int expected = method.equals("login") ? 3 : 4;
                if (args.size() != expected) {
                    throw OdooError.typeError("exp_" + method + "() takes " + expected + " positional arguments but "
                            + args.size() + " were given");
                }
                requireDatabase(args.get(0));
                User user = settings.users().stream().filter(u -> u.login().equals(args.get(1))).findFirst()
                        .orElse(null);
                if (user == null || !credentialsOk(user, args.get(2), remoteAddress)) {
                    yield false;
                }
                yield user.uid();
            }
            default -> throw OdooError.exception("Method not found: " + method);
        };
    }

    private Object object(String method, List<Object> args, String remoteAddress) {
        if (!method.equals("execute_kw") && !method.equals("execute")) {
            throw OdooError.nameError("Method not available " + method);
        }
        if (args.size() < 5) {
            throw OdooError.typeError("execute_kw() missing required positional arguments");
        }
        requireDatabase(args.get(0));
        if (!(args.get(1) instanceof Number uidNumber) || !(args.get(3) instanceof String modelName)
                || !(args.get(4) instanceof String methodName)) {
            throw OdooError.accessDenied("Access Denied");
        }
        User user = settings.users().stream().filter(u -> u.uid() == uidNumber.longValue()).findFirst().orElse(null);
        if (user == null || !credentialsOk(user, args.get(2), remoteAddress)) {
            throw OdooError.accessDenied(coolingDown(remoteAddress)
                    ? "Too many login failures, please wait a bit before trying again." : "Access Denied");
        }
        List<Object> callArgs;
        Map<String, Object> kwargs;
        if (method.equals("execute_kw")) {
            callArgs = args.size() > 5 && args.get(5) instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
            kwargs = args.size() > 6 && args.get(6) instanceof Map<?, ?> m ? Orm.dict(m, "execute_kw")
                    : new LinkedHashMap<>();
        } else {
            callArgs = new ArrayList<>(args.subList(5, args.size()));
            kwargs = new LinkedHashMap<>();
        }
        kwargs = new LinkedHashMap<>(kwargs);
        Object context = kwargs.remove("context");
        Env env = env(user, context instanceof Map<?, ?> m ? Orm.dict(m, "context") : Map.of());
        Model model = database.registry().model(modelName);
        List<Object> finalArgs = callArgs;
        Map<String, Object> finalKwargs = kwargs;
        if (Orm.readOnly(model, methodName)) {
            return database.read(env, tx -> Orm.call(tx, model, methodName, finalArgs, finalKwargs));
        }
        return write(env, tx -> Orm.call(tx, model, methodName, finalArgs, finalKwargs));
    }

    /** A writing call with the automation webhooks before its commit; the page uses it too. */
    public <T> T write(Env env, Function<Transaction, T> work) {
        return database.write(env, work, tx -> beforeCommit.accept(tx));
    }

    /** The environment of a call: the user, the context, {@code allowed_company_ids} checked against the user's. */
    public Env env(User user, Map<String, Object> context) {
        List<Long> companies = new ArrayList<>(user.companyIds());
        Object allowed = context.get("allowed_company_ids");
        if (allowed instanceof List<?> list && !list.isEmpty()) {
            List<Long> requested = Orm.ids(list);
            if (!user.companyIds().containsAll(requested)) {
                throw OdooError.accessError("Access to unauthorized or invalid companies.");
            }
            companies = requested;
        }
        return new Env(user.uid(), context, companies);
    }

    public User user(long uid) {
        return settings.users().stream().filter(u -> u.uid() == uid).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no user " + uid));
    }

    private void requireDatabase(Object name) {
        if (!settings.database().equals(name)) {
            throw OdooError.databaseMissing(String.valueOf(name));
        }
    }

    /**
     * Odoo checks the password, then the API keys (non-interactive calls); failures count toward a cooldown, during
     * which every attempt is refused without being counted ({@code base.login_cooldown_after} failures,
     * {@code base.login_cooldown_duration} 60 s, O16 {@code res_users.py _assert_can_auth}).
     */
    private boolean credentialsOk(User user, Object secret, String remoteAddress) {
        if (coolingDown(remoteAddress)) {
            return false;
        }
        boolean ok = secret instanceof String s && !s.isEmpty() && (s.equals(user.password())
                || s.equals(user.apiKey()) && !revokedKeys.contains(user.uid()));
        if (ok) {
            failures.remove(remoteAddress);
        } else {
            failures.merge(remoteAddress, new Failures(1, clock.instant()),
                    (old, now) -> new Failures(old.count() + 1, now.last()));
        }
        return ok;
    }

    private boolean coolingDown(String remoteAddress) {
        Failures seen = failures.get(remoteAddress);
        return seen != null && seen.count() >= settings.cooldownAfter()
                && Duration.between(seen.last(), clock.instant()).compareTo(COOLDOWN) < 0;
    }

    /** Forgets every row and loads the start data again (custom fields stay defined). */
    public void reset() {
        database.clear();
        for (Model model : database.registry().models()) {
            model.fields().stream().filter(io.wabiz.odoosim.orm.Field::manual).forEach(f -> model.removeField(f.name()));
        }
        Seed.load(database, settings.users(), settings.whatsappFields());
        failures.clear();
        revokedKeys.clear();
    }
}
