package io.wabiz.localstack.e2e;

import java.util.concurrent.ThreadLocalRandom;

/** A fresh Senegalese mobile number per test, so tests never see each other's chats. */
final class Customers {

    private Customers() {
    }

    static String newWaId() {
        return "22177" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }
}
