package io.wabiz.conversations.optout;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.wabiz.conversations.partners.CustomerIds;
import io.wabiz.conversations.web.ApiProblem;
import io.wabiz.events.phone.PhoneNumbers;
import java.security.Principal;
import java.time.Clock;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/contacts/{phone}")
@Tag(name = "Contacts", description = "What a customer agreed to receive")
public class ContactController {

    private final ContactPreferences contacts;
    private final PhoneNumbers phoneNumbers;
    private final Clock clock;

    public ContactController(ContactPreferences contacts, PhoneNumbers phoneNumbers, Clock clock) {
        this.contacts = contacts;
        this.phoneNumbers = phoneNumbers;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "A customer's opt-out state (phone in any usual form, or the wa_id)")
    public ContactDocument get(@PathVariable String phone) {
        return contacts.of(waId(phone));
    }

    @PutMapping("/opt-out")
    @Operation(summary = "Opt the customer out of non-essential messages (admin)")
    public ContactDocument optOut(@PathVariable String phone, Principal user) {
        String waId = waId(phone);
        contacts.optOut(waId, ContactPreferences.ADMIN, user.getName(), clock.instant());
        return contacts.of(waId);
    }

    @DeleteMapping("/opt-out")
    @Operation(summary = "Opt the customer back in (admin), for example after they asked by another channel")
    public ContactDocument optIn(@PathVariable String phone, Principal user) {
        String waId = waId(phone);
        contacts.optIn(waId, ContactPreferences.ADMIN, user.getName(), clock.instant());
        return contacts.of(waId);
    }

    private String waId(String phone) {
        return CustomerIds.of(phoneNumbers, phone)
                .orElseThrow(() -> ApiProblem.badRequest("not a valid phone number: " + phone));
    }
}
