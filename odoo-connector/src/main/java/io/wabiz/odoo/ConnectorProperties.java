package io.wabiz.odoo;

import io.wabiz.platform.security.StaffSecuritySettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the connector is told, under {@code odoo.*}. The API key and the webhook secret come only from the
 * environment ({@code ODOO_CONNECTION_API_KEY}, {@code ODOO_WEBHOOKS_SECRET}).
 *
 * @param companies      the Odoo companies to sync (ids of {@code res.company}), each with its time zone
 * @param publishTimeout how long a publish may wait for the broker before the sync stops and tries again
 */
@ConfigurationProperties("odoo")
public record ConnectorProperties(@DefaultValue Connection connection, List<Company> companies, @DefaultValue Sync sync,
                                  @DefaultValue Webhooks webhooks, @DefaultValue Mapping mapping,
                                  @DefaultValue Commands commands, @DefaultValue Health health,
                                  @DefaultValue Retry retry, @DefaultValue("10s") Duration publishTimeout,
                                  @DefaultValue StaffSecuritySettings security) {

    public ConnectorProperties {
        companies = companies == null || companies.isEmpty() ? List.of(new Company(1, "UTC", null))
                : List.copyOf(companies);
    }

    /**
     * @param url      the Odoo server, such as {@code https://mycompany.odoo.com} ({@code /jsonrpc} is added)
     * @param login    the API user's login
     * @param apiKey   the user's API key (Preferences, Account Security, New API Key), used in place of the password
     */
    public record Connection(@DefaultValue("http://localhost:8069") URI url, @DefaultValue("odoo") String database,
                             @DefaultValue("admin") String login, String apiKey,
                             @DefaultValue("5s") Duration connectTimeout, @DefaultValue("30s") Duration requestTimeout) {

        @Override
        public String toString() {
            return "Connection[url=" + url + ", database=" + database + ", login=" + login + ", apiKey=****]";
        }
    }

    /**
     * @param timeZone the company's zone, for the dates Odoo keeps as datetimes (commitment date)
     * @param language the language names are read in ({@code context.lang}, such as {@code fr_FR}); empty: Odoo's
     *                 untranslated names (RPC calls start without the user's language)
     */
    public record Company(long id, @DefaultValue("UTC") String timeZone, String language) {

        /** The platform's id of the company: {@code res.company/<id>}. */
        public String documentId() {
            return "res.company/" + id;
        }
    }

    /**
     * @param pollInterval  how often every model of every company is read again (the safety net under webhooks)
     * @param overlap       a deep scan reads again what changed this long before the watermark: a transaction stamps
     *                      its rows with its start but commits later (Odoo's {@code limit_time_real} is 120 s)
     * @param deepScanEvery how often a poll is a deep scan; the polls between reach back {@code recentOverlap} only
     *                      (a short transaction committed late), so that a poll stays small after a bulk change
     * @param recentOverlap how far before the watermark the polls between deep scans read again
     * @param clockSkew     records read less than one second plus this after their {@code write_date} are read
     *                      again: a second change within the same second shows the same {@code write_date}
     * @param pageSize      rows per {@code search_read} page of the change scan (ids and write dates only)
     * @param readBatch     records per full read (with their lines): the reference's pages of at most 500
     * @param startFrom     on the very first run, ignore what was last changed before this ({@code YYYY-MM-DD HH:MM:SS}
     *                      UTC); empty: import everything
     */
    public record Sync(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration pollInterval,
                       @DefaultValue("4m") Duration overlap, @DefaultValue("1m") Duration deepScanEvery,
                       @DefaultValue("10s") Duration recentOverlap, @DefaultValue("5s") Duration clockSkew,
                       @DefaultValue("2000") int pageSize, @DefaultValue("500") int readBatch, String startFrom,
                       @DefaultValue("true") boolean partners, @DefaultValue("true") boolean orders,
                       @DefaultValue("true") boolean invoices) {
    }

    /**
     * @param secret          the last path segment of the URL the automation rules post to
     *                        ({@code /odoo/webhooks/<secret>}): Odoo signs nothing, so the URL is the secret
     * @param readBackDelay   the first read after a webhook waits this long (Odoo 17/18 post before they commit)
     * @param readBackTimeout read again until the record shows the webhook's values, at most this long
     */
    public record Webhooks(String secret, @DefaultValue("150ms") Duration readBackDelay,
                           @DefaultValue("5s") Duration readBackTimeout, @DefaultValue("2m") Duration dedupWindow) {

        @Override
        public String toString() {
            return "Webhooks[secret=****, readBackDelay=" + readBackDelay + ", readBackTimeout=" + readBackTimeout + "]";
        }
    }

    /**
     * Field overrides for databases that differ from a standard one.
     *
     * @param partnerPhoneFields  read in this order; the first valid number wins downstream ({@code mobile} is gone
     *                            from Odoo saas-18.2 and 19: it is skipped when the database does not have it)
     * @param partnerLanguageField the partner's language ({@code lang})
     * @param partnerOptInField   a boolean or selection custom field with the partner's WhatsApp consent; empty: unknown
     * @param invoiceDisputeField a boolean custom field that marks a disputed invoice (18's {@code blocked} payment
     *                            state counts as disputed too)
     * @param readPayments        read each invoice's payments ({@code invoice_payments_widget}, needs Billing rights)
     */
    public record Mapping(@DefaultValue({"mobile", "phone"}) List<String> partnerPhoneFields,
                          @DefaultValue("lang") String partnerLanguageField, String partnerOptInField,
                          String invoiceDisputeField, @DefaultValue("true") boolean readPayments) {
    }

    /**
     * @param paymentJournalId   the Odoo journal payments from the platform are booked in; empty: the company's first
     *                           bank journal (Odoo's default)
     * @param retryInitial       when Odoo cannot be reached, a command waits this long, then twice as long ... up to
     *                           {@code retryMax}, for as long as it takes: it is acknowledged only once applied
     * @param confirmedProof     the chatter note of a confirmation by a tap; {@code {wamid}} and {@code {phone}}
     */
    public record Commands(Long paymentJournalId, @DefaultValue("1s") Duration retryInitial,
                           @DefaultValue("30s") Duration retryMax,
                           @DefaultValue("Confirmed by the customer on WhatsApp ({wamid}, from {phone})")
                           String confirmedProof,
                           @DefaultValue("Cancelled by the customer on WhatsApp ({wamid}, from {phone})")
                           String cancelledProof,
                           @DefaultValue("The customer tapped {action} on WhatsApp ({wamid}, from {phone}) but the "
                                   + "order is {state}: nothing was done.") String refusedNote) {
    }

    /** @param probeInterval while paused, how often the connector tries Odoo again */
    public record Health(@DefaultValue("30s") Duration probeInterval) {
    }

    /** Bounded retries of reads when Odoo is unreachable or answers a transient database error. */
    public record Retry(@DefaultValue("4") int maxAttempts, @DefaultValue("300ms") Duration initialBackoff,
                        @DefaultValue("5s") Duration maxBackoff) {
    }
}
