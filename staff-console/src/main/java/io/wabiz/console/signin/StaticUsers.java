package io.wabiz.console.signin;

import io.wabiz.console.ConsoleProperties;
import io.wabiz.console.ConsoleProperties.StaticUser;
import io.wabiz.platform.security.StaffRoles;
import java.util.List;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

/**
 * The local users of the form sign-in (local stack, tests): each stands for one of the services' static
 * bearer tokens, with the same roles, read by {@link StaffRoles} as the services read them.
 */
public final class StaticUsers {

    private StaticUsers() {
    }

    public static InMemoryUserDetailsManager of(ConsoleProperties.Security security) {
        List<UserDetails> users = security.staticUsers().stream().map(StaticUsers::details).toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails details(StaticUser user) {
        if (user.username() == null || user.password() == null || user.token() == null) {
            throw new IllegalArgumentException("console.security.static-users needs username, password and token: " + user);
        }
        return User.withUsername(user.username()).password(user.password())
                .authorities(StaffRoles.authorities(user.roles())).build();
    }
}
