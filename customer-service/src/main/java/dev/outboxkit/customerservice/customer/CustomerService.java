package dev.outboxkit.customerservice.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.access.Caller;
import dev.outboxkit.customerservice.organization.OrganizationService;
import dev.outboxkit.outbox.EventPublisher;
import dev.outboxkit.web.Page;
import dev.outboxkit.customerservice.persistence.UniqueConstraints;
import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.NotFoundException;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/**
 * The customer use cases. Each one that changes a customer writes its event in the same transaction,
 * so an event exists exactly when its change committed.
 */
@ApplicationScoped
public class CustomerService {

    private final CustomerRepository customers;
    private final OrganizationService organizations;
    private final EventPublisher events;
    private final Clock clock;
    private final Caller caller;

    CustomerService(CustomerRepository customers, OrganizationService organizations, EventPublisher events,
            Clock clock, Caller caller) {
        this.customers = customers;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
        this.caller = caller;
    }

    /**
     * Whose profile a sign-up by the caller makes: back-office signs up anyone (optionally linked to a user), a
     * customer only themselves (403 otherwise). Writes nothing; the resource asks it before it claims the request's
     * Idempotency-Key, so a refused sign-up is refused whatever its key.
     */
    public SignUp signUpOf(CreateCustomerRequest request) {
        return new SignUp(request, ownerOf(request));
    }

    /** Signs up a customer as {@link #signUpOf} allowed; emits CustomerCreated in the same transaction. */
    @Transactional
    public Customer signUp(SignUp signUp) {
        return register(signUp.request(), signUp.owner());
    }

    /** For the service itself (demo data): the request's owner is taken as given. */
    @Transactional
    public Customer register(CreateCustomerRequest request) {
        return register(request, request.ownerSubject());
    }

    private String ownerOf(CreateCustomerRequest request) {
        if (caller.isBackOffice()) {
            return request.ownerSubject();
        }
        if (request.ownerSubject() != null && !request.ownerSubject().equals(caller.subject())) {
            throw new ForbiddenException("A customer can sign up only themselves.");
        }
        return caller.subject();
    }

    private Customer register(CreateCustomerRequest request, String owner) {
        String email = normalise(request.email());
        organizations.requireExisting(request.organizationId());
        Customer customer = Customer.register(request.name().trim(), email, request.organizationId(), owner,
                Instant.now(clock));
        CustomerCreatedEvent created = CustomerCreatedEvent.of(customer);
        customers.persist(customer);
        // The unique indexes decide a taken email or a second profile at this flush; a query before it would cost a
        // round trip on every sign-up and still not close the race between two concurrent ones.
        UniqueConstraints.flushOrRefuse(customers.getEntityManager(), Map.of(
                Customer.EMAIL_UNIQUE_CONSTRAINT, () -> emailTaken(email),
                Customer.OWNER_UNIQUE_CONSTRAINT, () -> secondProfile(owner)));
        events.publish(created);
        return customer;
    }

    /** The caller's own profile: 404 when they have none. */
    public Customer mine() {
        return customers.find("ownerSubject", caller.subject()).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("No profile", "No customer profile belongs to you yet."));
    }

    /** Staff read any customer, a customer only their own profile; another's is "not found", as if it did not exist. */
    public Customer read(UUID id) {
        Customer customer = customers.findByIdOptional(id).orElseThrow(() -> notFound(id));
        caller.requireReadable(customer.getOwnerSubject(), () -> notFound(id));
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
        return customers.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("Customer not found", "No customer with id " + id + ".");
    }

    public Page<Customer> list(CustomerFilter filter, int page, int size) {
        var query = customers.find(filter.query(), Sort.by("createdAt").and("id"), filter.parameters());
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /**
     * Writes the change now, with its next event sequence number, so that the unique email index and
     * the optimistic lock decide inside this method (409) and the response carries the new version.
     */
    private void flush(String email) {
        UniqueConstraints.flushOrRefuse(customers.getEntityManager(), Customer.EMAIL_UNIQUE_CONSTRAINT, () -> emailTaken(email));
    }

    private static ConflictException secondProfile(String owner) {
        return new ConflictException("Profile exists", "User " + owner + " already has a customer profile.");
    }

    private static ConflictException emailTaken(String email) {
        return new ConflictException("Email already registered", "A customer with email " + email + " exists.");
    }

    private static String normalise(String email) {
        return email.trim().toLowerCase();
    }
}
