package dev.outboxkit.messaging.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.inbound.InboundEvent;

/**
 * A consuming service's copy of customers and organizations (tables {@code customer_view}, {@code organization_view},
 * created by db/consumer/), fed only by their events: the service never calls customer-service, so it keeps
 * working while that is down. Each row keeps the last sequence it holds, so an event older than the row (one that
 * fills a gap after a newer one repaired the state) changes nothing: every event carries the full state.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final EntityManager em;

    CustomerDirectory(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        switch (DirectoryChange.of(event)) {
            case DirectoryChange.CustomerState c -> em.createNativeQuery("""
                    INSERT INTO customer_view (customer_id, name, email, organization_id, owner_subject, active, last_sequence,
                                               updated_at)
                    VALUES (:id, :name, :email, CAST(:organizationId AS uuid), :owner, true, :sequence, now())
                    ON CONFLICT (customer_id) DO UPDATE
                    SET name = EXCLUDED.name, email = EXCLUDED.email, organization_id = EXCLUDED.organization_id,
                        owner_subject = EXCLUDED.owner_subject, last_sequence = EXCLUDED.last_sequence,
                        updated_at = EXCLUDED.updated_at
                    WHERE customer_view.last_sequence < EXCLUDED.last_sequence""")
                    .setParameter("id", c.customerId())
                    .setParameter("name", c.name())
                    .setParameter("email", c.email())
                    .setParameter("organizationId", c.organizationId() == null ? null : c.organizationId().toString())
                    .setParameter("owner", c.ownerSubject())
                    .setParameter("sequence", c.sequence())
                    .executeUpdate();
            case DirectoryChange.CustomerDeactivated d -> em.createNativeQuery("""
                    UPDATE customer_view SET active = false, last_sequence = :sequence, updated_at = now()
                    WHERE customer_id = :id AND last_sequence < :sequence""")
                    .setParameter("id", d.customerId())
                    .setParameter("sequence", d.sequence())
                    .executeUpdate();
            case DirectoryChange.OrganizationName o -> em.createNativeQuery("""
                    INSERT INTO organization_view (organization_id, name, last_sequence, updated_at)
                    VALUES (:id, :name, :sequence, now())
                    ON CONFLICT (organization_id) DO UPDATE
                    SET name = EXCLUDED.name, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                    WHERE organization_view.last_sequence < EXCLUDED.last_sequence""")
                    .setParameter("id", o.organizationId())
                    .setParameter("name", o.name())
                    .setParameter("sequence", o.sequence())
                    .executeUpdate();
        }
    }

    @Transactional
    public Optional<KnownCustomer> customer(UUID id) {
        List<?> rows = em.createNativeQuery("""
                SELECT customer_id, name, email, organization_id, active, owner_subject FROM customer_view
                WHERE customer_id = :id""")
                .setParameter("id", id)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        return Optional.of(new KnownCustomer((UUID) r[0], (String) r[1], (String) r[2], (UUID) r[3], (Boolean) r[4],
                (String) r[5]));
    }

    /** The organization's latest name; empty for none (a null id) or one whose events have not arrived. */
    @Transactional
    public Optional<String> organizationName(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        List<?> rows = em.createNativeQuery("SELECT name FROM organization_view WHERE organization_id = :id")
                .setParameter("id", id)
                .getResultList();
        return rows.stream().map(String.class::cast).findFirst();
    }

    @Transactional
    public boolean organizationKnown(UUID id) {
        return organizationName(id).isPresent();
    }
}
