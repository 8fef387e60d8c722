package io.wabiz.sender.send;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.accounts.AccountRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The {@link NumberChannel} of every configured business number, with their gauges. */
public final class NumberChannels {

    private final Map<String, NumberChannel> channels = new ConcurrentHashMap<>();

    public NumberChannels(AccountRegistry accounts, SenderProperties properties, MeterRegistry meters) {
        accounts.all().forEach(account -> {
            NumberChannel channel = new NumberChannel(account, properties.rate(), properties.retry());
            channels.put(account.phoneNumberId(), channel);
            Tags number = Tags.of("number", account.phoneNumberId());
            meters.gauge("sender.queue.size", number, channel.queued(), AtomicInteger::get);
            meters.gauge("sender.account.paused", number, accounts,
                    r -> r.pauseOf(account.phoneNumberId()).isPresent() ? 1 : 0);
            meters.gauge("sender.circuit.open", number, channel, c -> c.circuitOpen() ? 1 : 0);
        });
    }

    public Optional<NumberChannel> find(String phoneNumberId) {
        return Optional.ofNullable(phoneNumberId == null ? null : channels.get(phoneNumberId));
    }

    public Collection<NumberChannel> all() {
        return channels.values();
    }
}
