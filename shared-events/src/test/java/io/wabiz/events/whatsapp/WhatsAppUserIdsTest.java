package io.wabiz.events.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WhatsAppUserIdsTest {

    @Test
    void recognisesBusinessScopedUserIdsAndParentOnes() {
        // the identifiers of pywa's webhook samples (tests/data/updates/message.json: user_id, parent_user_id)
        assertThat(WhatsAppUserIds.isBusinessScoped("US.13491208655302741918")).isTrue();
        assertThat(WhatsAppUserIds.isBusinessScoped("US.ENT.11815799212886844830")).isTrue();
        assertThat(WhatsAppUserIds.isBusinessScoped("SN.8f3a1B")).isTrue();
    }

    @Test
    void aWaIdOrAnythingElseIsNotOne() {
        assertThat(WhatsAppUserIds.isBusinessScoped("221771234567")).isFalse();
        assertThat(WhatsAppUserIds.isBusinessScoped("+221 77 123 45 67")).isFalse();
        assertThat(WhatsAppUserIds.isBusinessScoped("us.1349")).isFalse();
        assertThat(WhatsAppUserIds.isBusinessScoped("US.")).isFalse();
        assertThat(WhatsAppUserIds.isBusinessScoped("US.1349; DROP")).isFalse();
        assertThat(WhatsAppUserIds.isBusinessScoped(null)).isFalse();
    }
}
