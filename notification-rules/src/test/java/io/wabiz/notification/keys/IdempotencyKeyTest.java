package io.wabiz.notification.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.NotificationKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IdempotencyKeyTest {

    @Test
    void printsKindDocumentIdAndFactVersion() {
        IdempotencyKey key = IdempotencyKey.ofVersion(NotificationKind.ORDER_CREATED, ErpDocumentType.SALES_ORDER,
                "42", "3");
        assertThat(key).hasToString("order_created:sales_order:42:v3");
        assertThat(IdempotencyKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void aResendIsANewExplicitVersionOfTheSameFact() {
        IdempotencyKey key = IdempotencyKey.ofVersion(NotificationKind.ORDER_CREATED, ErpDocumentType.SALES_ORDER,
                "42", "3");
        assertThat(key.resend(2)).hasToString("order_created:sales_order:42:v3-r2");
        assertThat(key.resend(2)).isNotEqualTo(key.resend(1));
    }

    @Test
    void documentIdsMayHoldTheSeparator() {
        IdempotencyKey key = new IdempotencyKey(NotificationKind.INVOICE, ErpDocumentType.INVOICE, "acme:118", "v1");
        assertThat(IdempotencyKey.parse(key.toString())).isEqualTo(key);
    }

    @Test
    void tellsNotificationKeysFromOtherKeys() {
        assertThat(IdempotencyKey.isNotificationKey("order_details:sales_order:42:wamid.HBgM+ab/c==")).isTrue();
        assertThat(IdempotencyKey.isNotificationKey("staff:6f1c")).isFalse();
        assertThat(IdempotencyKey.isNotificationKey("nonsense:sales_order:42:v1")).isFalse();
        assertThatThrownBy(() -> new IdempotencyKey(NotificationKind.INVOICE, ErpDocumentType.INVOICE, "1", "a:b"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersVersionsNumericallyThenAsText() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        assertThat(DocumentVersions.isNewer(new DocumentVersions.Stamp(now, "10"),
                new DocumentVersions.Stamp(now, "9"))).isTrue();
        assertThat(DocumentVersions.isNewer(new DocumentVersions.Stamp(now, "9"),
                new DocumentVersions.Stamp(now.plusSeconds(1), "1"))).isFalse();
        assertThat(DocumentVersions.isNewer(new DocumentVersions.Stamp(now, "20260301T1015"),
                new DocumentVersions.Stamp(now, "20260301T1014"))).isTrue();
        assertThat(DocumentVersions.isNewer(new DocumentVersions.Stamp(now, "3"),
                new DocumentVersions.Stamp(now, "3"))).isFalse();
    }
}
