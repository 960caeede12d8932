package dev.outboxkit.customerservice.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.customerservice.idempotency.IdempotentRequests;
import dev.outboxkit.customerservice.idempotency.StoredResponse;
import dev.outboxkit.customerservice.organization.OrganizationService;
import dev.outboxkit.outbox.EventPublisher;
import dev.outboxkit.web.Page;
import dev.outboxkit.customerservice.persistence.UniqueConstraints;
import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.NotFoundException;
import io.quarkus.panache.common.Sort;

/**
 * The customer use cases. Each one that changes a customer writes its event in the same transaction,
 * so an event exists exactly when its change committed.
 */
@ApplicationScoped
public class CustomerService {

    private static final String REGISTER_SCOPE = "POST /customers";

    private final CustomerRepository customers;
    private final OrganizationService organizations;
    private final EventPublisher events;
    private final IdempotentRequests idempotency;
    private final Clock clock;

    CustomerService(CustomerRepository customers, OrganizationService organizations, EventPublisher events,
            IdempotentRequests idempotency, Clock clock) {
        this.customers = customers;
        this.organizations = organizations;
        this.events = events;
        this.idempotency = idempotency;
        this.clock = clock;
    }

    @Transactional
    public StoredResponse register(CreateCustomerRequest request, Optional<String> idempotencyKey) {
        return idempotency.execute(REGISTER_SCOPE, idempotencyKey, request, () -> {
            Customer customer = register(request);
            return new IdempotentRequests.Outcome(201, "/customers/" + customer.getId(), CustomerResponse.of(customer));
        });
    }

    private Customer register(CreateCustomerRequest request) {
        String email = normalise(request.email());
        refuseTakenEmail(email);
        organizations.requireExisting(request.organizationId());
        Customer customer = Customer.register(request.name().trim(), email, request.organizationId(), Instant.now(clock));
        CustomerCreatedEvent created = CustomerCreatedEvent.of(customer);
        customers.persist(customer);
        flush(email);
        events.publish(created);
        return customer;
    }

    @Transactional
    public Customer update(UUID id, UpdateCustomerRequest request) {
        Customer customer = get(id);
        customer.requireVersion(request.version());
        if (!customer.isActive()) {
            throw new ConflictException("Customer is deactivated", "Customer " + id + " is deactivated and cannot change.");
        }
        String email = normalise(request.email());
        if (!email.equals(customer.getEmail())) {
            refuseTakenEmail(email);
        }
        organizations.requireExisting(request.organizationId());
        List<String> changed = customer.update(request.name().trim(), email, request.organizationId());
        if (!changed.isEmpty()) {
            CustomerUpdatedEvent updated = CustomerUpdatedEvent.of(customer, changed, Instant.now(clock));
            flush(email);
            events.publish(updated);
        }
        return customer;
    }

    @Transactional
    public Customer deactivate(UUID id) {
        Customer customer = get(id);
        if (customer.deactivate(Instant.now(clock))) {
            CustomerDeactivatedEvent deactivated = CustomerDeactivatedEvent.of(customer);
            customers.flush();
            events.publish(deactivated);
        }
        return customer;
    }

    public Customer get(UUID id) {
        return customers.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Customer not found", "No customer with id " + id + "."));
    }

    public Page<CustomerResponse> list(CustomerFilter filter, int page, int size) {
        var query = customers.find(filter.query(), Sort.by("createdAt").and("id"), filter.parameters());
        return Page.of(query.page(page, size).list(), page, size, query.count(), CustomerResponse::of);
    }

    /**
     * Writes the change now, with its next event sequence number, so that the unique email index and
     * the optimistic lock decide inside this method (409) and the response carries the new version.
     */
    private void flush(String email) {
        UniqueConstraints.flushOrRefuse(customers.getEntityManager(), Customer.EMAIL_UNIQUE_CONSTRAINT, () -> emailTaken(email));
    }

    private void refuseTakenEmail(String email) {
        if (customers.emailTaken(email)) {
            throw emailTaken(email);
        }
    }


    private static ConflictException emailTaken(String email) {
        return new ConflictException("Email already registered", "A customer with email " + email + " exists.");
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase();
    }
}
