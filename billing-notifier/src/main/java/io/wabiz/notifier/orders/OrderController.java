package io.wabiz.notifier.orders;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.erp.SalesOrder;
import io.wabiz.events.erp.SalesOrderState;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.notifications.NotificationView;
import io.wabiz.notifier.web.ApiProblem;
import java.math.BigDecimal;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An order's notifications for staff: read them (agent), send the details now (agent), send one again as a new,
 * explicit version (admin).
 */
@RestController
@RequestMapping("/api/orders")
public class OrderController {

    private static final Pattern REQUEST_KEY = Pattern.compile("[A-Za-z0-9_\\-.]{1,100}");

    private final OrderRequests requests;
    private final NotificationLog notifications;

    public OrderController(OrderRequests requests, NotificationLog notifications) {
        this.requests = requests;
        this.notifications = notifications;
    }

    /** The order as the notifier last saw it, with its notifications. */
    public record OrderView(String orderId, String number, String partnerId, String companyId, SalesOrderState state,
                            String version, String currency, BigDecimal amountTotal, Instant orderAt,
                            String createdVersion, Tap tap, List<NotificationView> notifications) {
    }

    public record Tap(String action, String wamid, Instant tappedAt) {
    }

    /** What a staff request gave: the notification's key and state, and the skip reason when nothing was sent. */
    public record RequestAnswer(String key, String outcome, NotificationView.Skip skipped, boolean replayed) {
    }

    @GetMapping("/{orderId}")
    public OrderView order(@PathVariable String orderId) {
        OrderDocument doc = requests.order(orderId).orElseThrow(() -> ApiProblem.notFound("order", orderId));
        SalesOrder order = doc.order();
        return new OrderView(doc.id(), order.number(), order.partnerId(), order.companyId(), order.state(),
                doc.version(), order.currency(), order.amountTotal(), doc.orderAt(), doc.createdVersion(),
                doc.tap() == null ? null : new Tap(doc.tap().confirm() ? "confirm" : "cancel", doc.tap().wamid(),
                        doc.tap().tappedAt()), notifications(orderId));
    }

    @GetMapping("/{orderId}/notifications")
    public List<NotificationView> notifications(@PathVariable String orderId) {
        return notifications.forDocument(ErpDocumentType.SALES_ORDER, orderId).stream().map(NotificationView::of)
                .toList();
    }

    /** Admin: the notification of {@code kind} again, as a new version ({@code ...:v3-r1}). */
    @PostMapping("/{orderId}/notifications/{kind}/resend")
    public ResponseEntity<RequestAnswer> resend(@PathVariable String orderId, @PathVariable String kind,
                                                Principal user) {
        NotificationKind parsed;
        try {
            parsed = NotificationKind.valueOf(kind.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown notification kind " + kind
                    + " (order_created, order_confirmation, order_details)");
        }
        return answer(() -> requests.resend(orderId, parsed, user.getName()));
    }

    /** Agent: the order's details to the partner now. {@code Idempotency-Key} makes a retry the same send. */
    @PostMapping("/{orderId}/details")
    public ResponseEntity<RequestAnswer> details(@PathVariable String orderId,
                                                 @RequestHeader(name = "Idempotency-Key", required = false)
                                                 String idempotencyKey, Principal user) {
        String requestKey = idempotencyKey == null ? UUID.randomUUID().toString() : idempotencyKey;
        if (!REQUEST_KEY.matcher(requestKey).matches()) {
            throw new IllegalArgumentException("Idempotency-Key must be 1 to 100 letters, digits, '_', '-' or '.'");
        }
        return answer(() -> requests.sendDetails(orderId, requestKey, user.getName()));
    }

    private ResponseEntity<RequestAnswer> answer(java.util.function.Supplier<OrderRequests.Outcome> request) {
        OrderRequests.Outcome outcome;
        try {
            outcome = request.get();
        } catch (OrderRequests.Refused refused) {
            throw new ApiProblem(HttpStatus.CONFLICT, "Not possible for this order", refused.getMessage(), null);
        }
        String key = outcome.plan().key().toString();
        if (outcome.plan() instanceof NotificationPlan.Skip skip
                && outcome.result() == NotificationDispatcher.Result.SKIPPED) {
            throw new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Not sent", skip.reason().explanation(),
                    Map.of("key", key, "reason", skip.reason().code()));
        }
        boolean replayed = outcome.result() == NotificationDispatcher.Result.DUPLICATE
                || outcome.result() == NotificationDispatcher.Result.REPUBLISHED;
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new RequestAnswer(key,
                outcome.result().name().toLowerCase(Locale.ROOT), null, replayed));
    }
}
