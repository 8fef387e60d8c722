package io.wabiz.ingress.publish;

/** Kafka did not acknowledge every record of a body in time: nothing may be answered 200. */
public class KafkaUnavailableException extends RuntimeException {

    public KafkaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
