package dev.outboxkit.messaging;

/**
 * A record that can never be processed as it is (unreadable, unknown type, unsupported schema version):
 * retrying cannot help, so it goes to the dead-letter topic at once with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
