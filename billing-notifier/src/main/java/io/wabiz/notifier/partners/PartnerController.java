package io.wabiz.notifier.partners;

import io.wabiz.events.erp.OptInState;
import io.wabiz.notification.partners.ContactRules;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.partners.Reachability;
import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notifier.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A partner as the notifier sees it: whether automated messages reach them, on which number, or why not. */
@RestController
@RequestMapping("/api/partners")
public class PartnerController {

    private final PartnerProjection partners;
    private final BusinessNumberRouting routing;

    public PartnerController(PartnerProjection partners, BusinessNumberRouting routing) {
        this.partners = partners;
        this.routing = routing;
    }

    /**
     * @param waId             where messages go (null when unreachable)
     * @param businessNumber   the number that speaks for the partner's company
     * @param unreachable      the reason code when nothing is sent, with {@code explanation}
     */
    public record PartnerView(String partnerId, String name, String companyName, String companyId, boolean active,
                              OptInState optIn, String language, String countryCode, List<String> phones,
                              List<String> invalidPhones, String waId, String businessNumber, String unreachable,
                              String explanation, Instant updatedAt) {
    }

    @GetMapping("/{partnerId}")
    public PartnerView partner(@PathVariable String partnerId) {
        PartnerContact partner = partners.find(partnerId).orElseThrow(() -> ApiProblem.notFound("partner", partnerId));
        CompanyRoute route = routing.route(partner.companyId()).orElse(null);
        Reachability reachability = ContactRules.reachability(partner, route == null
                ? ContactRules.OptInPolicy.UNLESS_OPTED_OUT : route.optInPolicy());
        String waId = reachability instanceof Reachability.Reachable reachable ? reachable.waId() : null;
        var reason = reachability instanceof Reachability.Unreachable unreachable ? unreachable.reason() : null;
        if (reason == null && route == null) {
            reason = io.wabiz.notification.SkipReason.NO_BUSINESS_NUMBER;
        }
        return new PartnerView(partner.partnerId(), partner.name(), partner.companyName(), partner.companyId(),
                partner.active(), partner.optIn(), partner.language(), partner.countryCode(), partner.phones(),
                partner.invalidPhones(), waId, route == null ? null : route.businessPhoneNumberId(),
                reason == null ? null : reason.code(), reason == null ? null : reason.explanation(),
                partner.updatedAt());
    }
}
