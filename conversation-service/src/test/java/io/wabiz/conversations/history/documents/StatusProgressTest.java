package io.wabiz.conversations.history.documents;

import static org.assertj.core.api.Assertions.assertThat;

import io.wabiz.events.whatsapp.DeliveryStatus;
import org.junit.jupiter.api.Test;

class StatusProgressTest {

    @Test
    void ranksAgreeWithTheSharedRuleThatStatusesOnlyMoveForward() {
        for (DeliveryStatus arriving : DeliveryStatus.values()) {
            for (DeliveryStatus current : DeliveryStatus.values()) {
                if (arriving.advances(current)) {
                    assertThat(StatusProgress.advances(arriving, StatusProgress.rank(current)))
                            .as("%s after %s", arriving, current).isTrue();
                }
                if (StatusProgress.advances(arriving, StatusProgress.rank(current)) && !arriving.advances(current)) {
                    // the only tie the shared rule leaves open: both are final, the later one names it
                    assertThat(current).isEqualTo(DeliveryStatus.FAILED);
                    assertThat(arriving).isEqualTo(DeliveryStatus.DELETED);
                }
            }
        }
    }

    @Test
    void everyRankReadsBackAsItsStatus() {
        for (DeliveryStatus status : DeliveryStatus.values()) {
            assertThat(StatusProgress.ofRank(StatusProgress.rank(status))).isEqualTo(status);
        }
    }

    @Test
    void failedIsNeverUndoneByALateReadOrDelivered() {
        int failed = StatusProgress.rank(DeliveryStatus.FAILED);
        assertThat(StatusProgress.advances(DeliveryStatus.READ, failed)).isFalse();
        assertThat(StatusProgress.advances(DeliveryStatus.DELIVERED, failed)).isFalse();
    }
}
