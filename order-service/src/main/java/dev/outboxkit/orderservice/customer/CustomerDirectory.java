package dev.outboxkit.orderservice.customer;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboxkit.messaging.PoisonMessageException;

/**
 * This service's copy of customers and organizations, fed only by their events: order-service never
 * calls customer-service, so it keeps working when that service is down, and a customer becomes
 * orderable once its CustomerCreated event has arrived. Every row remembers the last sequence applied;
 * a stale or repeated event changes nothing.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final EntityManager em;

    CustomerDirectory(EntityManager em) {
        this.em = em;
    }

    private static final Set<String> TYPES = Set.of(
            "CustomerCreated", "CustomerUpdated", "CustomerDeactivated", "OrganizationCreated", "OrganizationRenamed");

    public static boolean handles(String type) {
        return TYPES.contains(type);
    }

    /**
     * Applies one customer or organization event; an unknown type is refused (and dead-lettered by the caller).
     * @return true when it changed the view, false for a repeated or stale event (its sequence is not newer)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean apply(String type, JsonNode event) {
        int changed = switch (type) {
            case "CustomerCreated", "CustomerUpdated" -> upsertCustomer(event);
            case "CustomerDeactivated" -> deactivateCustomer(event);
            case "OrganizationCreated", "OrganizationRenamed" -> upsertOrganization(event);
            default -> throw new PoisonMessageException("Unknown event type '" + type + "'");
        };
        return changed > 0;
    }

    /** CustomerCreated and CustomerUpdated both carry the full state. */
    private int upsertCustomer(JsonNode event) {
        return em.createNativeQuery("""
                INSERT INTO customer_view (customer_id, name, email, organization_id, owner_subject, active, last_sequence,
                                           updated_at)
                VALUES (CAST(:id AS uuid), :name, :email, CAST(:organizationId AS uuid), :owner, true, :sequence, now())
                ON CONFLICT (customer_id) DO UPDATE
                SET name = EXCLUDED.name, email = EXCLUDED.email, organization_id = EXCLUDED.organization_id,
                    owner_subject = EXCLUDED.owner_subject, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE customer_view.last_sequence < EXCLUDED.last_sequence""")
                .setParameter("id", event.get("customerId").asText())
                .setParameter("name", event.get("name").asText())
                .setParameter("email", event.get("email").asText())
                .setParameter("organizationId", textOrNull(event.get("organizationId")))
                .setParameter("owner", textOrNull(event.get("ownerSubject")))
                .setParameter("sequence", event.get("sequence").asLong())
                .executeUpdate();
    }

    private int deactivateCustomer(JsonNode event) {
        return em.createNativeQuery("""
                UPDATE customer_view SET active = false, last_sequence = :sequence, updated_at = now()
                WHERE customer_id = CAST(:id AS uuid) AND last_sequence < :sequence""")
                .setParameter("id", event.get("customerId").asText())
                .setParameter("sequence", event.get("sequence").asLong())
                .executeUpdate();
    }

    /** OrganizationCreated and OrganizationRenamed both carry the current name. */
    private int upsertOrganization(JsonNode event) {
        return em.createNativeQuery("""
                INSERT INTO organization_view (organization_id, name, last_sequence, updated_at)
                VALUES (CAST(:id AS uuid), :name, :sequence, now())
                ON CONFLICT (organization_id) DO UPDATE
                SET name = EXCLUDED.name, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                WHERE organization_view.last_sequence < EXCLUDED.last_sequence""")
                .setParameter("id", event.get("organizationId").asText())
                .setParameter("name", event.get("name").asText())
                .setParameter("sequence", event.get("sequence").asLong())
                .executeUpdate();
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

    @Transactional
    public boolean organizationKnown(UUID id) {
        return !em.createNativeQuery("SELECT 1 FROM organization_view WHERE organization_id = :id")
                .setParameter("id", id).getResultList().isEmpty();
    }

    private static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
