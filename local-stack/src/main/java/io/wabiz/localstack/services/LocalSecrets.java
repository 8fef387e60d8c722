package io.wabiz.localstack.services;

/** The obviously fake values the local stack wires everyone with (never real credentials). */
public final class LocalSecrets {

    public static final String APP_SECRET = "local-app-secret";
    public static final String VERIFY_TOKEN = "local-verify-token";
    public static final String ACCESS_TOKEN = "local-access-token";
    public static final String PHONE_NUMBER_ID = "100000000000001";
    public static final String DISPLAY_PHONE_NUMBER = "+221 33 800 00 01";
    public static final String WABA_ID = "200000000000001";
    public static final String GRAPH_API_VERSION = "v23.0";
    /** The static admin bearer token of the services' {@code local} profiles (admin APIs, the sender's operators' API). */
    public static final String ADMIN_TOKEN = "local-admin-token";
    /** The Odoo stand-in's database, its API user and that user's API key. */
    public static final String ODOO_DATABASE = "wabiz";
    public static final String ODOO_LOGIN = "api-user";
    public static final String ODOO_API_KEY = "local-odoo-api-key";
    /** The last segment of the URL the stand-in's automation rules post to. */
    public static final String ODOO_WEBHOOK_SECRET = "local-odoo-webhook-secret";

    private LocalSecrets() {
    }
}
