package io.wabiz.notifier.payments;

/** Whether a callback comes from the provider, and which session it speaks of. */
public sealed interface CallbackVerdict {

    /**
     * @param eventId       the provider's id of this delivery (Wave's event id), or one derived from its content
     * @param session       how to find the session: by the provider's id of it, or by a secret only it knows
     * @param claimedStatus what the callback says; a hint until {@link PaymentLinkProvider#fetchStatus} confirms it
     */
    record Verified(String eventId, SessionMatch session, String claimedStatus) implements CallbackVerdict {
    }

    /** Not from the provider, or not well-formed: answered 401 or 400, changes nothing. */
    record Rejected(String reason) implements CallbackVerdict {
    }

    /** From the provider, but about nothing we act on (a portal test event): answered 200, changes nothing. */
    record Ignored(String reason) implements CallbackVerdict {
    }

    /** How a callback names its session. */
    sealed interface SessionMatch {
        record ByProviderRef(String providerRef) implements SessionMatch {
        }

        /** A secret stored with the session (Orange's {@code notif_token}); never logged. */
        record BySecret(String name, String value) implements SessionMatch {
            @Override
            public String toString() {
                return "BySecret[" + name + "]";
            }
        }
    }
}
