package dev.outboxkit.notificationservice.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.outboxkit.storage.TransactionJdbc;

/**
 * The state of every email this service owes. Consumers add to it in the transaction that receives
 * the event; the dispatcher moves each entry through PENDING → (RETRYING →) SENT or DEAD_LETTERED: one
 * transaction claims a batch (and reads what its emails need), one records each outcome, and none is open
 * while it talks to the mail server.
 */
@ApplicationScoped
public class DeliveryLedger {

    private final EntityManager em;
    private final TransactionJdbc jdbc;
    private final RetryPolicy retries;
    private final Clock clock;

    DeliveryLedger(EntityManager em, TransactionJdbc jdbc, RetryPolicy retries, Clock clock) {
        this.em = em;
        this.jdbc = jdbc;
        this.retries = retries;
        this.clock = clock;
    }

    /**
     * A new PENDING entry, due now, in the consumer's transaction. Plain JDBC, like the rest of what a consumer writes
     * per event: through Hibernate the entity's persist and the flush at the commit cost several times the INSERT
     * (bench/RESULTS.md, "The ledger's per-email statements in plain JDBC"). An entry for the same event twice fails
     * on the primary key, as the persist did at the flush.
     */
    @Transactional(TxType.MANDATORY)
    public void schedule(DeliveryKind kind, UUID customerId, SourceEvent source) {
        Instant now = clock.instant();
        jdbc.update("""
                INSERT INTO delivery (event_id, kind, customer_id, status, attempts, next_attempt_at, created_at,
                                      unconfirmed_sends, source_topic, source_key, event_type, payload)
                VALUES (?, ?, ?, ?, 0, ?, ?, 0, ?, ?, ?, ?)""",
                source.eventId(), kind.name(), customerId, DeliveryStatus.PENDING.name(), now, now, source.topic(),
                source.key(), source.type(), source.payload());
    }

    /**
     * A delivery taken by a dispatcher: what sending its email, and recording what became of it, needs of the row as it
     * was when taken. {@code takenOver}: its previous sender stopped without recording an outcome.
     */
    public record Claim(DeliveryKind kind, UUID customerId, int attempts, SourceEvent source, boolean takenOver) {

        public UUID eventId() {
            return source.eventId();
        }
    }

    /**
     * Takes up to {@code limit} due deliveries and leases them, so that other dispatchers (in this or
     * another instance) skip them while they are being sent. Rows locked by another claim are skipped.
     * A lease that ran out while the email was being sent (sending_since still set) is taken over and
     * counted as an unconfirmed send. Runs in the caller's transaction, so that what the emails need can be read
     * in the same one (one transaction per claim, not one per email).
     */
    @Transactional(TxType.MANDATORY)
    public List<Claim> claimDue(int limit, Instant leaseUntil) {
        // One statement leases the rows and returns what the senders need of them, as plain records: mapped to entities
        // by Hibernate's native query, the rows cost several times the statement (bench/RESULTS.md, "The ledger's
        // per-email statements in plain JDBC"). Nothing in the claim's transaction goes through the persistence context.
        Instant now = clock.instant();
        return jdbc.query("""
                WITH due AS (
                    SELECT event_id, sending_since FROM delivery
                    WHERE status IN ('PENDING', 'RETRYING') AND next_attempt_at <= ?
                    ORDER BY next_attempt_at
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE delivery d
                SET next_attempt_at = ?, sending_since = ?,
                    unconfirmed_sends = d.unconfirmed_sends + CASE WHEN due.sending_since IS NULL THEN 0 ELSE 1 END
                FROM due WHERE d.event_id = due.event_id
                RETURNING d.event_id, d.kind, d.customer_id, d.attempts, d.source_topic, d.source_key, d.event_type,
                          d.payload, due.sending_since IS NOT NULL AS taken_over""",
                row -> new Claim(DeliveryKind.valueOf(row.getString(2)), row.getObject(3, UUID.class), row.getInt(4),
                        new SourceEvent(row.getString(5), row.getString(6), row.getObject(1, UUID.class), row.getString(7),
                                row.getString(8)),
                        row.getBoolean(9)),
                now, limit, leaseUntil, now);
    }

    /**
     * Records that the server accepted the email: one UPDATE, a transaction of its own, since this runs once per email
     * and nothing else commits with it. Plain JDBC in autocommit: through a JTA transaction and Hibernate's native
     * SQL, the transaction and the session around the statement cost several times the statement itself
     * (bench/RESULTS.md, "SENT recorded in one autocommit statement").
     */
    public void markSent(UUID eventId, String recipient) {
        jdbc.updateAlone("""
                UPDATE delivery
                SET status = ?, attempts = attempts + 1, sending_since = NULL, recipient = ?, sent_at = ?, last_error = NULL
                WHERE event_id = ?""", DeliveryStatus.SENT.name(), recipient, clock.instant(), eventId);
    }

    /**
     * Records a failed attempt; @return true when the attempt budget is spent and the caller must dead-letter.
     * @param mayHaveArrived the attempt was cut off after the server may have accepted the email
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean markFailed(UUID eventId, String error, boolean mayHaveArrived) {
        Delivery delivery = em.find(Delivery.class, eventId);
        if (mayHaveArrived) {
            delivery.unconfirmedSend();
        }
        int attemptsMade = delivery.getAttempts() + 1;
        if (retries.exhausted(attemptsMade)) {
            return true;
        }
        delivery.failed(error, clock.instant().plus(retries.backoff(attemptsMade)));
        return false;
    }

    /** Called once the event is safely on the dead-letter topic. */
    @Transactional(TxType.REQUIRES_NEW)
    public void markDeadLettered(UUID eventId, String error) {
        em.find(Delivery.class, eventId).deadLettered(error);
    }

    /** @return true when the delivery was dead-lettered and is queued again, false when there was nothing to redo */
    @Transactional
    public boolean requeue(UUID eventId) {
        Delivery delivery = em.find(Delivery.class, eventId);
        if (delivery == null || delivery.getStatus() != DeliveryStatus.DEAD_LETTERED) {
            return false;
        }
        delivery.requeue(clock.instant());
        return true;
    }

    @Transactional
    public Optional<Delivery> find(UUID eventId) {
        return Optional.ofNullable(em.find(Delivery.class, eventId));
    }

    @Transactional
    public List<Delivery> search(UUID customerId, DeliveryStatus status, DeliveryKind kind, int limit) {
        StringBuilder jpql = new StringBuilder("from Delivery d where 1 = 1");
        if (customerId != null) {
            jpql.append(" and d.customerId = :customerId");
        }
        if (status != null) {
            jpql.append(" and d.status = :status");
        }
        if (kind != null) {
            jpql.append(" and d.kind = :kind");
        }
        var query = em.createQuery(jpql.append(" order by d.createdAt desc").toString(), Delivery.class).setMaxResults(limit);
        if (customerId != null) {
            query.setParameter("customerId", customerId);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        if (kind != null) {
            query.setParameter("kind", kind);
        }
        return query.getResultList();
    }

    /** Customers this service knows whose welcome email has not been accepted by the mail server. */
    @Transactional
    public List<MissingWelcome> customersWithoutWelcome(int limit) {
        List<?> rows = em.createNativeQuery("""
                SELECT c.customer_id, c.name, c.email, d.status, d.attempts, d.last_error
                FROM customer_view c
                LEFT JOIN delivery d ON d.customer_id = c.customer_id AND d.kind = 'WELCOME'
                WHERE d.status IS NULL OR d.status <> 'SENT'
                ORDER BY c.updated_at
                LIMIT :limit""")
                .setParameter("limit", limit)
                .getResultList();
        List<MissingWelcome> missing = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            missing.add(new MissingWelcome((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                    r[4] == null ? 0 : ((Number) r[4]).intValue(), (String) r[5]));
        }
        return missing;
    }

    public record MissingWelcome(UUID customerId, String name, String email,
            @Schema(nullable = true, description = "null: no delivery recorded yet.") String deliveryStatus, int attempts,
            @Schema(nullable = true) String lastError) {
    }
}
