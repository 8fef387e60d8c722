package io.wabiz.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * The two staff roles. An agent reads conversations and sends; an admin does everything, including
 * bulk sends and opt-out overrides. Role names from tokens are read case-insensitively; unknown ones
 * grant nothing.
 */
public final class StaffRoles {

    public static final String AGENT = "AGENT";
    public static final String ADMIN = "ADMIN";

    private StaffRoles() {
    }

    /**
     * The authorities of a token claim listing roles: a JSON array, or one string separated by spaces or commas
     * (JWT access tokens of the services, ID tokens of the staff console's OIDC sign-in).
     */
    public static List<GrantedAuthority> fromClaim(Object claim) {
        List<String> roles = switch (claim) {
            case Collection<?> values -> values.stream().map(String::valueOf).toList();
            case String value -> List.of(value.split("[ ,]+"));
            case null, default -> List.of();
        };
        return authorities(roles);
    }

    public static List<GrantedAuthority> authorities(Collection<String> roles) {
        Set<String> granted = new LinkedHashSet<>();
        if (roles != null) {
            for (String role : roles) {
                String name = role == null ? "" : role.strip().toUpperCase(Locale.ROOT);
                if (name.startsWith("ROLE_")) {
                    name = name.substring(5);
                }
                if (name.equals(ADMIN)) {
                    granted.add(ADMIN);
                    granted.add(AGENT); // an admin can do whatever an agent can
                } else if (name.equals(AGENT)) {
                    granted.add(AGENT);
                }
            }
        }
        return granted.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }
}
