package io.wabiz.notifier.notifications;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.notification.SkipReason;
import io.wabiz.notifier.NotifierProperties;
import io.wabiz.notifier.web.ApiProblem;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The notification log, read by staff (agent role): what was sent, skipped and why, what failed and what to do. */
@RestController
@RequestMapping("/api/notifications")
public class NotificationController {

    private final NotificationLog notifications;
    private final NotifierProperties.Paging paging;

    public NotificationController(NotificationLog notifications, NotifierProperties properties) {
        this.notifications = notifications;
        this.paging = properties.paging();
    }

    /** One page of notifications, newest first. */
    public record Page(List<NotificationView> items, int page, int size, long totalElements) {
    }

    @GetMapping
    public Page search(@RequestParam(required = false) ErpDocumentType documentType,
                       @RequestParam(required = false) String documentId,
                       @RequestParam(required = false) NotificationKind kind,
                       @RequestParam(required = false) NotificationState state,
                       @RequestParam(required = false) String reason,
                       @RequestParam(required = false) String partnerId,
                       @RequestParam(required = false) Instant from,
                       @RequestParam(required = false) Instant to,
                       @RequestParam(defaultValue = "0") int page,
                       @RequestParam(required = false) Integer size) {
        int pageSize = size == null ? paging.defaultSize() : size;
        if (page < 0 || pageSize < 1 || pageSize > paging.maxSize()) {
            throw new IllegalArgumentException("page must be 0 or more and size 1 to " + paging.maxSize());
        }
        SkipReason skipReason = reason == null ? null : SkipReason.valueOf(reason.toUpperCase(Locale.ROOT));
        NotificationLog.Filter filter = new NotificationLog.Filter(documentType, documentId, kind, state, skipReason,
                partnerId, from, to);
        return new Page(notifications.search(filter, page, pageSize).stream().map(NotificationView::of).toList(),
                page, pageSize, notifications.count(filter));
    }

    /** One notification by its idempotency key ({@code order_created:sales_order:42:v3}). */
    @GetMapping("/{key}")
    public NotificationView one(@PathVariable String key) {
        return notifications.find(key).map(NotificationView::of)
                .orElseThrow(() -> ApiProblem.notFound("notification", key));
    }
}
