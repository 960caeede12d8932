package dev.outboxkit.messaging.directory;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.inbound.InboundEvent;
import dev.outboxkit.storage.TransactionJdbc;

/**
 * A consuming service's copy of customers and organizations (tables {@code customer_view}, {@code organization_view},
 * created by db/consumer/), fed only by their events: the service never calls customer-service, so it keeps
 * working while that is down. Each row keeps the last sequence it holds, so an event older than the row (one that
 * fills a gap after a newer one repaired the state) changes nothing: every event carries the full state.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final TransactionJdbc jdbc;

    CustomerDirectory(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        switch (DirectoryChange.of(event)) {
            case DirectoryChange.CustomerState c -> jdbc.update("""
                    INSERT INTO customer_view (customer_id, name, email, organization_id, owner_subject, active, last_sequence,
                                               updated_at)
                    VALUES (?, ?, ?, ?, ?, true, ?, now())
                    ON CONFLICT (customer_id) DO UPDATE
                    SET name = EXCLUDED.name, email = EXCLUDED.email, organization_id = EXCLUDED.organization_id,
                        owner_subject = EXCLUDED.owner_subject, last_sequence = EXCLUDED.last_sequence,
                        updated_at = EXCLUDED.updated_at
                    WHERE customer_view.last_sequence < EXCLUDED.last_sequence""",
                    c.customerId(), c.name(), c.email(), c.organizationId(), c.ownerSubject(), c.sequence());
            case DirectoryChange.CustomerDeactivated d -> jdbc.update("""
                    UPDATE customer_view SET active = false, last_sequence = ?, updated_at = now()
                    WHERE customer_id = ? AND last_sequence < ?""", d.sequence(), d.customerId(), d.sequence());
            case DirectoryChange.OrganizationName o -> jdbc.update("""
                    INSERT INTO organization_view (organization_id, name, last_sequence, updated_at)
                    VALUES (?, ?, ?, now())
                    ON CONFLICT (organization_id) DO UPDATE
                    SET name = EXCLUDED.name, last_sequence = EXCLUDED.last_sequence, updated_at = EXCLUDED.updated_at
                    WHERE organization_view.last_sequence < EXCLUDED.last_sequence""", o.organizationId(), o.name(), o.sequence());
        }
    }

    @Transactional
    public Optional<KnownCustomer> customer(UUID id) {
        return jdbc.query("""
                SELECT customer_id, name, email, organization_id, active, owner_subject FROM customer_view
                WHERE customer_id = ?""",
                row -> new KnownCustomer(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        row.getObject(4, UUID.class), row.getBoolean(5), row.getString(6)),
                id).stream().findFirst();
    }

    /** The organization's latest name; empty for none (a null id) or one whose events have not arrived. */
    @Transactional
    public Optional<String> organizationName(UUID id) {
        if (id == null) {
            return Optional.empty();
        }
        return jdbc.query("SELECT name FROM organization_view WHERE organization_id = ?", row -> row.getString(1), id)
                .stream().findFirst();
    }

    @Transactional
    public boolean organizationKnown(UUID id) {
        return organizationName(id).isPresent();
    }
}
