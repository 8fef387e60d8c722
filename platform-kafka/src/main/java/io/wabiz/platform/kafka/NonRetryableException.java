package io.wabiz.platform.kafka;

/** A listener failure that retrying cannot fix: the record goes straight to its dead-letter topic. */
public class NonRetryableException extends RuntimeException {

    public NonRetryableException(String message) {
        super(message);
    }

    public NonRetryableException(String message, Throwable cause) {
        super(message, cause);
    }
}
