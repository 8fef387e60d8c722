package io.wabiz.console.signin;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.platform.security.StaffRoles;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page knows of the person signed in: name and whether the admin screens are offered. */
@ControllerAdvice
public class CurrentUser {

    private final ConsoleProperties properties;

    public CurrentUser(ConsoleProperties properties) {
        this.properties = properties;
    }

    @ModelAttribute("currentUser")
    public Viewer viewer() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        if (user == null || !user.isAuthenticated() || "anonymousUser".equals(user.getPrincipal())) {
            return new Viewer(null, false, false);
        }
        return new Viewer(user.getName(), has(user, StaffRoles.AGENT), has(user, StaffRoles.ADMIN));
    }

    /** The CSRF header htmx sends with every request it makes (forms carry the token as a field). */
    @ModelAttribute("htmxHeaders")
    public String htmxHeaders(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (!(token instanceof CsrfToken csrf)) {
            return "{}";
        }
        return "{\"" + csrf.getHeaderName() + "\": \"" + csrf.getToken() + "\"}";
    }

    @ModelAttribute("refreshMillis")
    public long refreshMillis() {
        return properties.refreshInterval().toMillis();
    }

    private static boolean has(Authentication user, String role) {
        return user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }

    /** @param name null when nobody is signed in */
    public record Viewer(String name, boolean agent, boolean admin) {
    }
}
