package io.wabiz.scenarioengine.actions;

import java.time.Duration;
import java.util.List;

/**
 * How long things last and which payment providers the customer may pick.
 *
 * @param scenarioExpiry       how long a tap on a scenario's message counts (a scenario may set its own)
 * @param cancelQuestionExpiry how long an "are you sure?" question about cancelling waits for its answer
 * @param pendingTimeout       how long a tap's confirm or cancel request holds the order against other taps when
 *                             the ERP does not answer
 * @param paymentProviders     the providers offered as pay buttons, in order (at most two fit beside "Details")
 */
public record EngineSettings(Duration scenarioExpiry, Duration cancelQuestionExpiry, Duration pendingTimeout,
                             List<PaymentProvider> paymentProviders) {

    public EngineSettings {
        paymentProviders = List.copyOf(paymentProviders);
    }

    /** @param id the provider's id in button ids and requests ({@code wave}); @param title the button's title */
    public record PaymentProvider(String id, String title) {
    }
}
