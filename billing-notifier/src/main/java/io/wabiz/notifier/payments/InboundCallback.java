package io.wabiz.notifier.payments;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** A provider's callback as it arrived: the raw body bytes (signatures are over them) and the headers. */
public record InboundCallback(byte[] body, Map<String, List<String>> headers, Instant receivedAt) {

    public InboundCallback {
        body = body == null ? new byte[0] : body.clone();
        TreeMap<String, List<String>> caseInsensitive = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> caseInsensitive.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        }
        headers = caseInsensitive;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** Every value of a header, whatever its case. */
    public List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    public String firstHeader(String name) {
        List<String> values = header(name);
        return values.isEmpty() ? null : values.getFirst();
    }
}
