package io.wabiz.ingress;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;

/**
 * Webhook bodies from src/test/resources: Meta's samples ({@code meta-webhooks/}), ours ({@code own-webhooks/})
 * and pywa's ({@code pywa-webhooks/}).
 */
public final class Fixtures {

    public static final List<String> META_SAMPLES = List.of(
            "accountBanned", "accountRestricted", "accountReview", "audioMessage", "buttonMessage", "contactMessage",
            "documentMessage", "imageMessage", "locationMessage", "mediaUploadError", "messageDeleted",
            "phoneNumberNameUpdate", "qualityUpdate", "reEngagementMessageError", "reactMessage", "rejectedTemplate",
            "stickerMessage", "templateSchedulingForDisabling", "textMessage", "textMessage2",
            "textMessageStatusDelivered", "textMessageStatusRead", "textMessageStatusSent", "verifiedAccount",
            "videoMessage");

    public static final List<String> OWN = List.of("interactiveButtonReply", "interactiveListReply", "valueErrors",
            "severalEntriesAndChanges", "unknownFutureFieldsAndTypes");

    /** pywa's samples ({@code pywa-webhooks/README.md}): newer shapes the Java project's samples lack. */
    public static final List<String> PYWA = List.of("bsuidTextMessage", "bsuidStatusDelivered", "orderMessage",
            "flowCompletion", "systemUserChangedNumber", "systemIdentityChanged", "editedMessage", "revokedMessage",
            "smbEchoText", "smbEchoEdit", "smbEchoRevoke");

    private Fixtures() {
    }

    public static byte[] meta(String name) {
        return read("/meta-webhooks/" + name + ".json");
    }

    public static byte[] own(String name) {
        return read("/own-webhooks/" + name + ".json");
    }

    public static byte[] pywa(String name) {
        return read("/pywa-webhooks/" + name + ".json");
    }

    /** Every body of both folders, for generators that need a corpus. */
    public static List<byte[]> all() {
        return Stream.of(META_SAMPLES.stream().map(Fixtures::meta), OWN.stream().map(Fixtures::own),
                PYWA.stream().map(Fixtures::pywa)).flatMap(s -> s).toList();
    }

    private static byte[] read(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
