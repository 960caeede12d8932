package dev.outboxkit.notificationservice.projection;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.outboxkit.notificationservice.events.CustomerCreated;
import dev.outboxkit.notificationservice.events.CustomerDeactivated;
import dev.outboxkit.notificationservice.events.CustomerUpdated;
import dev.outboxkit.notificationservice.events.OrganizationChanged;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Keeps this service's copy of customers and organizations, from their events only. Each row remembers
 * the last sequence applied, so a redelivered or older event changes nothing, and a jump in the
 * sequence (a lost event) is logged and counted; the full state in each event still repairs the row.
 */
@ApplicationScoped
public class Projection {

    private final EntityManager em;
    private final MeterRegistry metrics;

    Projection(EntityManager em, MeterRegistry metrics) {
        this.em = em;
        this.metrics = metrics;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CustomerCreated e) {
        upsertCustomer(e.customerId(), e.sequence(), e.name(), e.email(), e.organizationId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CustomerUpdated e) {
        upsertCustomer(e.customerId(), e.sequence(), e.name(), e.email(), e.organizationId());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CustomerDeactivated e) {
        noticeGap("customer", e.customerId(), lastCustomerSequence(e.customerId()), e.sequence());
        em.createNativeQuery("""
                UPDATE customer_view SET active = false, last_sequence = :sequence, updated_at = now()
                WHERE customer_id = :id AND last_sequence < :sequence""")
                .setParameter("id", e.customerId())
                .setParameter("sequence", e.sequence())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(OrganizationChanged e) {
        noticeGap("organization", e.organizationId(), lastSequence(
                "SELECT last_sequence FROM organization_view WHERE organization_id = :id", e.organizationId()), e.sequence());
        em.createNativeQuery("""
                INSERT INTO organization_view (organization_id, name, last_sequence, updated_at)
                VALUES (:id, :name, :sequence, now())
                ON CONFLICT (organization_id) DO UPDATE
                SET name = EXCLUDED.name, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE organization_view.last_sequence < EXCLUDED.last_sequence""")
                .setParameter("id", e.organizationId())
                .setParameter("name", e.name())
                .setParameter("sequence", e.sequence())
                .executeUpdate();
    }

    public Optional<CustomerView> customer(UUID id) {
        return Optional.ofNullable(em.find(CustomerView.class, id));
    }

    public Optional<OrganizationView> organization(UUID id) {
        return id == null ? Optional.empty() : Optional.ofNullable(em.find(OrganizationView.class, id));
    }

    private void upsertCustomer(UUID id, long sequence, String name, String email, UUID organizationId) {
        noticeGap("customer", id, lastCustomerSequence(id), sequence);
        em.createNativeQuery("""
                INSERT INTO customer_view (customer_id, name, email, organization_id, active, last_sequence, updated_at)
                VALUES (:id, :name, :email, CAST(:organizationId AS uuid), true, :sequence, now())
                ON CONFLICT (customer_id) DO UPDATE
                SET name = EXCLUDED.name, email = EXCLUDED.email, organization_id = EXCLUDED.organization_id,
                    last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE customer_view.last_sequence < EXCLUDED.last_sequence""")
                .setParameter("id", id)
                .setParameter("name", name)
                .setParameter("email", email)
                .setParameter("organizationId", organizationId)
                .setParameter("sequence", sequence)
                .executeUpdate();
    }

    private long lastCustomerSequence(UUID id) {
        return lastSequence("SELECT last_sequence FROM customer_view WHERE customer_id = :id", id);
    }

    private long lastSequence(String sql, UUID id) {
        List<?> rows = em.createNativeQuery(sql).setParameter("id", id).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).longValue();
    }

    private void noticeGap(String aggregate, UUID id, long last, long sequence) {
        if (sequence > last + 1) {
            Log.warnf("Event gap for %s %s: had sequence %d, received %d", aggregate, id, last, sequence);
            metrics.counter("notification.projection.sequence.gaps", "aggregate", aggregate).increment();
        }
    }
}
