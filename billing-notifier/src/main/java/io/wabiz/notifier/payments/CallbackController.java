package io.wabiz.notifier.payments;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /payments/callbacks/{provider}}: public, and believed only after verification. Providers retry what
 * is not answered 2xx, so everything genuine (booked, seen before, nothing to book) is answered 200; a forgery 401;
 * a callback about nothing of ours 404; a replay while its first delivery is still telling the ERP 503 with
 * Retry-After (the provider retries; by then it is a 200).
 */
@RestController
class CallbackController {

    private final PaymentCallbacks callbacks;
    private final Clock clock;

    CallbackController(PaymentCallbacks callbacks, Clock clock) {
        this.callbacks = callbacks;
        this.clock = clock;
    }

    @PostMapping("/payments/callbacks/{provider}")
    ResponseEntity<Void> callback(@PathVariable String provider, @RequestBody(required = false) byte[] body,
                                  HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        PaymentCallbacks.Result result = callbacks.handle(provider, new InboundCallback(body, headers, clock.instant()));
        HttpStatus status = switch (result) {
            case BOOKED, DUPLICATE, NOTHING_TO_BOOK -> HttpStatus.OK;
            case REJECTED -> HttpStatus.UNAUTHORIZED;
            case UNKNOWN_SESSION -> HttpStatus.NOT_FOUND;
            case IN_PROGRESS -> HttpStatus.SERVICE_UNAVAILABLE;
        };
        return result == PaymentCallbacks.Result.IN_PROGRESS
                ? ResponseEntity.status(status).header("Retry-After", "30").build()
                : ResponseEntity.status(status).build();
    }
}
