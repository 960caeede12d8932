package dev.outboxkit.notificationservice.delivery;

public enum DeliveryStatus {
    /** Recorded, not tried yet. */
    PENDING,
    /** Tried and failed; tried again at next_attempt_at. */
    RETRYING,
    /** Accepted by the SMTP server. */
    SENT,
    /** Out of attempts; the event is on the dead-letter topic with the last error. */
    DEAD_LETTERED
}
