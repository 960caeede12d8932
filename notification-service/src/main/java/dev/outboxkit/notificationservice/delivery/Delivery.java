package dev.outboxkit.notificationservice.delivery;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One email that one event calls for, and what became of it. The consumers write a new entry and the dispatcher claims
 * and records a sent one in plain JDBC ({@link DeliveryLedger}); the rarer transitions and the API read it as this entity.
 */
@Entity
@Table(name = "delivery")
public class Delivery {

    @Id
    @Column(name = "event_id")
    private UUID eventId;

    @Enumerated(EnumType.STRING)
    private DeliveryKind kind;

    @Column(name = "customer_id")
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    private DeliveryStatus status;

    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    private String recipient;

    @Column(name = "sending_since")
    private Instant sendingSince;

    /**
     * Sends whose outcome is unknown: cut off after the server may have accepted the email, or made by a
     * sender that stopped before recording what happened. Each may have reached the customer.
     */
    @Column(name = "unconfirmed_sends")
    private int unconfirmedSends;

    /** Where the event came from, kept so that a dead letter carries the original record. */
    @Column(name = "source_topic")
    private String sourceTopic;

    @Column(name = "source_key")
    private String sourceKey;

    @Column(name = "event_type")
    private String eventType;

    private String payload;

    protected Delivery() {
    }

    void unconfirmedSend() {
        unconfirmedSends++;
    }

    void failed(String error, Instant retryAt) {
        attempts++;
        sendingSince = null;
        status = DeliveryStatus.RETRYING;
        lastError = error;
        nextAttemptAt = retryAt;
    }

    void deadLettered(String error) {
        attempts++;
        sendingSince = null;
        status = DeliveryStatus.DEAD_LETTERED;
        lastError = error;
    }

    /** Back in the queue with a fresh attempt budget (redrive). */
    void requeue(Instant now) {
        status = DeliveryStatus.PENDING;
        attempts = 0;
        sendingSince = null;
        nextAttemptAt = now;
    }

    public UUID getEventId() {
        return eventId;
    }

    public DeliveryKind getKind() {
        return kind;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public DeliveryStatus getStatus() {
        return status;
    }

    public int getUnconfirmedSends() {
        return unconfirmedSends;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public String getRecipient() {
        return recipient;
    }

    public SourceEvent source() {
        return new SourceEvent(sourceTopic, sourceKey, eventId, eventType, payload);
    }
}
