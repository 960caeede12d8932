package dev.outboxkit.notificationservice.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

/**
 * Remembers which events were handled. It runs in the caller's transaction, so an event counts as
 * handled exactly when the caller's effect commits, and a redelivery finds the row and does nothing.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager em;

    Inbox(EntityManager em) {
        this.em = em;
    }

    /**
     * @param aggregateId the record key: the aggregate the event belongs to
     * @param sequence the event's place in that aggregate's history, or null when the payload has none
     * @return true on the first delivery of this event id, false for every redelivery.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(UUID eventId, String eventType, String aggregateId, Long sequence) {
        int inserted = em.createNativeQuery("""
                INSERT INTO inbox (event_id, event_type, aggregate_id, sequence, received_at)
                VALUES (:id, :type, :aggregateId, :sequence, clock_timestamp())
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .setParameter("aggregateId", aggregateId)
                .unwrap(NativeQuery.class)
                .setParameter("sequence", sequence, Long.class)
                .executeUpdate();
        return inserted == 1;
    }
}
