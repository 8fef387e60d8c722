package io.wabiz.console.signin;

import io.wabiz.console.ConsoleProperties;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page: the organisation's OIDC provider(s) in production, the local users' form locally. */
@Controller
public class SignInController {

    private final ConsoleProperties properties;
    private final List<Provider> providers;

    public SignInController(ConsoleProperties properties,
                            ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
        this.properties = properties;
        List<Provider> found = new ArrayList<>();
        registrations.ifAvailable(repository -> repository.forEach(r -> found.add(Provider.of(r))));
        this.providers = List.copyOf(found);
    }

    @GetMapping("/signin")
    public String signIn(Model model) {
        model.addAttribute("providers", providers);
        model.addAttribute("formSignIn", !properties.security().staticUsers().isEmpty());
        return "signin";
    }

    /** Where a screen the person's role does not offer sends them (403). */
    @GetMapping("/denied")
    public String denied() {
        return "denied";
    }

    /** @param url where the browser starts this provider's sign-in */
    public record Provider(String id, String name, String url) {

        static Provider of(ClientRegistration registration) {
            return new Provider(registration.getRegistrationId(), registration.getClientName(),
                    "/oauth2/authorization/" + registration.getRegistrationId());
        }
    }
}
