package io.wabiz.sender;

import io.wabiz.events.Topics;
import io.wabiz.platform.security.StaffSecuritySettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything the sender is told, under {@code sender.*}. Access tokens come only from the environment
 * (e.g. {@code SENDER_ACCOUNTS_0_ACCESS_TOKEN}).
 *
 * @param security how the operators' API ({@code /accounts/**}, {@code /templates/**}) checks bearer tokens: JWTs
 *                 of {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} in production, static tokens
 *                 ({@code sender.security.static-tokens}) locally; the ADMIN role is required
 */
@ConfigurationProperties("sender")
public record SenderProperties(List<Account> accounts, @DefaultValue GraphApi graphApi, @DefaultValue Retry retry,
                               @DefaultValue Rate rate, @DefaultValue Consumer consumer,
                               @DefaultValue Templates templates, @DefaultValue Window window,
                               @DefaultValue Reconciliation reconciliation,
                               @DefaultValue StaffSecuritySettings security) {

    public SenderProperties {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
    }

    /**
     * One business phone number.
     *
     * @param messagesPerSecond its throughput tier: 80 by default, up to 1,000
     */
    public record Account(String phoneNumberId, String wabaId, String accessToken,
                          @DefaultValue("v23.0") String apiVersion, @DefaultValue("80") int messagesPerSecond) {

        @Override
        public String toString() {
            return "Account[phoneNumberId=" + phoneNumberId + ", wabaId=" + wabaId + ", apiVersion=" + apiVersion
                    + ", messagesPerSecond=" + messagesPerSecond + ", accessToken=***]";
        }
    }

    /** @param httpVersion HTTP_1_1 or HTTP_2 */
    public record GraphApi(@DefaultValue("https://graph.facebook.com") URI baseUrl,
                           @DefaultValue("5s") Duration connectTimeout, @DefaultValue("20s") Duration requestTimeout,
                           @DefaultValue("HTTP_1_1") String httpVersion) {
    }

    /**
     * Bounded retries of Meta's transient errors (exponential backoff with jitter), the separate per-recipient
     * delay on 131056 (pair rate limit), and a time budget for waiting until Meta takes the message.
     *
     * @param maxAttempts calls when Meta answers with a transient error (5xx, 131000)
     * @param jitter      fraction of each backoff that is randomised (0.5: between 50% and 100% of it)
     * @param giveUpAfter how long one message keeps waiting, with the same backoff, while Meta throttles
     *                    (130429, 80007, 4, HTTP 429) or cannot be reached (connection refused, circuit open):
     *                    nothing was sent, and Meta lifts its limits or comes back in minutes, not in the seconds
     *                    that {@code maxAttempts} backoffs last; a message given up is a message lost
     */
    public record Retry(@DefaultValue("5") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("20s") Duration maxBackoff, @DefaultValue("0.5") double jitter,
                        @DefaultValue("6s") Duration pairRateBackoff, @DefaultValue("5") int pairRateMaxAttempts,
                        @DefaultValue("50") int circuitFailureRatePercent,
                        @DefaultValue("30s") Duration circuitOpenFor,
                        @DefaultValue("15m") Duration giveUpAfter) {
    }

    /**
     * @param safetyMargin added to the one-second window, so that network jitter between our start and
     *                     Meta's arrival cannot squeeze one call too many into a second (50 ms: the
     *                     delay spread measured by bench/sender on a loaded machine, at a cost of 5% of the rate)
     * @param recipientSpacing the least time between two sends to one customer (pair rate limit)
     * @param pacingTolerance  how late a paced send may start and still keep its place in the schedule (GCRA's
     *                         tolerance, a time): scheduling jitter up to it costs no rate; it is also the
     *                         largest burst after a pause (at least a fiftieth of the limit). The sliding window
     *                         stays the hard bound.
     */
    public record Rate(@DefaultValue(Rate.DEFAULT_SAFETY_MARGIN) Duration safetyMargin,
                       @DefaultValue("1s") Duration recipientSpacing,
                       @DefaultValue("30ms") Duration pacingTolerance) {
        public static final String DEFAULT_SAFETY_MARGIN = "50ms";
    }

    /**
     * @param maxInFlightPerPartition commands read but not finished before the partition is paused
     * @param failureRetryDelay       when an unexpected failure (Mongo, Kafka) interrupted a command, it is
     *                                tried again after this delay; the ledger then decides conservatively
     */
    public record Consumer(@DefaultValue(Topics.OUTBOUND_COMMANDS) String topic,
                           @DefaultValue("outbound-sender-commands") String groupId,
                           @DefaultValue("5000") int maxInFlightPerPartition,
                           @DefaultValue("200ms") Duration commitInterval,
                           @DefaultValue("15s") Duration shutdownTimeout,
                           @DefaultValue("5s") Duration failureRetryDelay,
                           @DefaultValue("2000") int maxPollRecords) {
    }

    /** @param verify check template commands against the synced definitions before sending */
    public record Templates(@DefaultValue("true") boolean syncOnStart, @DefaultValue("15m") Duration syncInterval,
                            @DefaultValue("true") boolean verify) {
    }

    public record Window(@DefaultValue("24h") Duration length) {
    }

    /**
     * Sends whose outcome is unknown (the call was cut off after its request was written) wait for a status
     * webhook carrying their idempotency key.
     *
     * @param resolveWithin       how long: after it, {@code MessageOutcomeUnresolved} is published (once)
     * @param sweepInterval       how often the sender looks for the unknown outcomes that waited that long
     * @param listenerConcurrency consumers of {@code whatsapp.inbound.statuses} (6 partitions)
     */
    public record Reconciliation(@DefaultValue("15m") Duration resolveWithin,
                                 @DefaultValue("1m") Duration sweepInterval,
                                 @DefaultValue("3") int listenerConcurrency) {
    }
}
