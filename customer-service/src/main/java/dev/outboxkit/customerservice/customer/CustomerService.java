package dev.outboxkit.customerservice.customer;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import dev.outboxkit.customerservice.outbox.EventPublisher;
import dev.outboxkit.customerservice.problem.ConflictException;
import dev.outboxkit.customerservice.problem.NotFoundException;

/** The customer use cases. Each changes the aggregate and writes its event in one transaction. */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final EventPublisher events;
    private final Clock clock;

    CustomerService(CustomerRepository customers, EventPublisher events, Clock clock) {
        this.customers = customers;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Customer register(String name, String email) {
        String normalisedEmail = email.trim().toLowerCase();
        if (customers.emailTaken(normalisedEmail)) {
            throw emailTaken(normalisedEmail);
        }
        // Microseconds: what PostgreSQL stores, so the event and the row agree on the instant.
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Customer customer = Customer.register(name.trim(), normalisedEmail, now);
        customers.persist(customer);
        flushRejectingDuplicateEmail(normalisedEmail);
        events.publish(CustomerCreatedEvent.of(customer));
        return customer;
    }

    /** The unique index decides when two sign-ups with one email race past the check above. */
    private void flushRejectingDuplicateEmail(String email) {
        try {
            customers.flush();
        } catch (ConstraintViolationException e) {
            if (Customer.EMAIL_UNIQUE_CONSTRAINT.equals(e.getConstraintName())) {
                throw emailTaken(email);
            }
            throw e;
        }
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("Email already registered", "A customer with email " + email + " exists.");
    }

    public Customer get(UUID id) {
        return customers.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Customer not found", "No customer with id " + id + "."));
    }
}
