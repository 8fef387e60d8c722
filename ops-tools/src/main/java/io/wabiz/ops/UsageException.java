package io.wabiz.ops;

/** The command line asks for something the tool cannot do; the message says what to type instead. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
