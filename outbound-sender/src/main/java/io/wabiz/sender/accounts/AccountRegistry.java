package io.wabiz.sender.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured business numbers, and which of them are paused. A number is paused when Meta says its
 * token is bad (190) or it is blocked for policy (368): every later send would fail the same way, so
 * commands for it are rejected at once (retryable) until a person resumes it. Pauses live in memory:
 * a restart (the usual way to load a rotated token) resumes every number.
 */
public class AccountRegistry {

    private final Map<String, Account> accounts;
    private final Map<String, Pause> pauses = new ConcurrentHashMap<>();

    public AccountRegistry(Collection<Account> accounts) {
        Map<String, Account> byId = new LinkedHashMap<>();
        accounts.forEach(a -> byId.put(a.phoneNumberId(), a));
        this.accounts = Map.copyOf(byId);
    }

    public Optional<Account> find(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : accounts.get(phoneNumberId));
    }

    public Collection<Account> all() {
        return accounts.values();
    }

    public void pause(String phoneNumberId, int errorCode, String reason) {
        pauses.put(phoneNumberId, new Pause(errorCode, reason, Instant.now()));
    }

    public boolean resume(String phoneNumberId) {
        return pauses.remove(phoneNumberId) != null;
    }

    public Optional<Pause> pauseOf(String phoneNumberId) {
        return Optional.ofNullable(pauses.get(phoneNumberId));
    }

    public record Pause(int errorCode, String reason, Instant since) {
    }
}
