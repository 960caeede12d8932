package dev.outboxkit.notificationservice.inbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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

    /** @return true on the first delivery of this event id, false for every redelivery. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean receive(UUID eventId, String eventType) {
        int inserted = em.createNativeQuery("""
                INSERT INTO inbox (event_id, event_type, received_at) VALUES (:id, :type, now())
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter("id", eventId)
                .setParameter("type", eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
