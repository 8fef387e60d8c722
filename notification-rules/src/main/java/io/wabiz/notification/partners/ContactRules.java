package io.wabiz.notification.partners;

import io.wabiz.events.erp.OptInState;
import io.wabiz.notification.SkipReason;

/**
 * Who gets automated messages: an active partner who did not opt out and has a valid number (the first valid of
 * mobile, then phone). A company may also require an explicit opt-in ({@link OptInPolicy#REQUIRE_OPT_IN}); by
 * default a partner whose opt-in the ERP does not know is reachable, since order and invoice messages are utility
 * messages the customer expects.
 */
public final class ContactRules {

    /** What a company asks of the ERP's WhatsApp opt-in flag. */
    public enum OptInPolicy {
        /** Everyone but partners marked opted out (the default). */
        UNLESS_OPTED_OUT,
        /** Only partners marked opted in. */
        REQUIRE_OPT_IN
    }

    private ContactRules() {
    }

    /** The checks in the order a person would explain them: unknown, archived, opted out, not opted in, no number. */
    public static Reachability reachability(PartnerContact partner, OptInPolicy policy) {
        if (partner == null) {
            return new Reachability.Unreachable(SkipReason.PARTNER_UNKNOWN);
        }
        if (!partner.active()) {
            return new Reachability.Unreachable(SkipReason.PARTNER_INACTIVE);
        }
        if (partner.optIn() == OptInState.OPTED_OUT) {
            return new Reachability.Unreachable(SkipReason.OPTED_OUT);
        }
        if (policy == OptInPolicy.REQUIRE_OPT_IN && partner.optIn() != OptInState.OPTED_IN) {
            return new Reachability.Unreachable(SkipReason.NOT_OPTED_IN);
        }
        return partner.waId().<Reachability>map(Reachability.Reachable::new)
                .orElse(new Reachability.Unreachable(SkipReason.NO_VALID_NUMBER));
    }

    public static Reachability reachability(PartnerContact partner) {
        return reachability(partner, OptInPolicy.UNLESS_OPTED_OUT);
    }
}
