package dev.outboxkit.notificationservice.messaging;

/** A message that can never be processed as it is: retrying it cannot help. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
