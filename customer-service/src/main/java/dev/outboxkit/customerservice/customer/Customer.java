package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "customer")
public class Customer {

    static final String EMAIL_UNIQUE_CONSTRAINT = "customer_email_key";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** Sequence number of the last event emitted for this customer; the next event gets one more. */
    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    protected Customer() {
    }

    static Customer register(String name, String email, Instant now) {
        Customer customer = new Customer();
        customer.id = UUID.randomUUID();
        customer.name = name;
        customer.email = email;
        customer.createdAt = now;
        return customer;
    }

    /** Reserves the sequence number of the next event about this customer. */
    long nextEventSequence() {
        return ++eventSequence;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
