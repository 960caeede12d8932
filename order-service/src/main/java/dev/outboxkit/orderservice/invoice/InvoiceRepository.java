package dev.outboxkit.orderservice.invoice;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class InvoiceRepository implements PanacheRepositoryBase<Invoice, UUID> {

    public Optional<Invoice> forOrder(UUID orderId) {
        return find("orderId", orderId).firstResultOptional();
    }

    /** INV-000001, INV-000002 …: from a database sequence, so numbers never repeat across instances. */
    public String nextNumber() {
        Number next = (Number) getEntityManager().createNativeQuery("SELECT nextval('invoice_number_seq')").getSingleResult();
        return "INV-%06d".formatted(next.longValue());
    }
}
