package io.wabiz.ingress.normalise;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The message types of Meta's {@code messages[].type} that the platform models. {@link ContentReader} reads
 * them with an exhaustive switch (no {@code default}): a type added here without its reader does not compile.
 * A type Meta sends that is not here is kept as {@code Unsupported}, named and counted, never dropped.
 */
enum MessageType {
    TEXT("text"),
    INTERACTIVE("interactive"),
    BUTTON("button"),
    IMAGE("image"),
    AUDIO("audio"),
    VIDEO("video"),
    STICKER("sticker"),
    DOCUMENT("document"),
    LOCATION("location"),
    CONTACTS("contacts"),
    REACTION("reaction"),
    /** A cart sent from the catalogue. */
    ORDER("order"),
    /** Meta's note about the customer: a new number, a new identity. */
    SYSTEM("system"),
    /** The sender edited an earlier message. */
    EDIT("edit"),
    /** The sender deleted an earlier message for everyone. */
    REVOKE("revoke"),
    /** Meta could not show the message (a deleted message, a type the API does not support). */
    UNSUPPORTED("unsupported");

    private static final Map<String, MessageType> BY_META_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.metaName, Function.identity()));

    private final String metaName;

    MessageType(String metaName) {
        this.metaName = metaName;
    }

    /** Meta's name of the type, which is also the field of the message that holds its content. */
    String metaName() {
        return metaName;
    }

    static Optional<MessageType> of(String metaName) {
        return Optional.ofNullable(metaName == null ? null : BY_META_NAME.get(metaName));
    }
}
