package dev.outboxkit.customerservice.organization;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.outbox.EventPublisher;
import dev.outboxkit.web.Page;
import dev.outboxkit.customerservice.persistence.UniqueConstraints;
import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.NotFoundException;
import dev.outboxkit.problem.UnprocessableException;
import io.quarkus.panache.common.Sort;

/** The organization use cases; each change writes its event in the same transaction. */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;
    private final EventPublisher events;
    private final Clock clock;

    OrganizationService(OrganizationRepository organizations, EventPublisher events, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an organization; emits OrganizationCreated in the same transaction. */
    @Transactional
    public Organization create(CreateOrganizationRequest request) {
        String name = request.name().trim();
        refuseTakenName(name);
        Organization organization = Organization.create(name, Instant.now(clock));
        OrganizationCreatedEvent created = OrganizationCreatedEvent.of(organization);
        organizations.persist(organization);
        flush(name);
        events.publish(created);
        return organization;
    }

    @Transactional
    public Organization rename(UUID id, RenameOrganizationRequest request) {
        Organization organization = get(id);
        organization.requireVersion(request.version());
        String name = request.name().trim();
        if (!name.equalsIgnoreCase(organization.getName())) {
            refuseTakenName(name);
        }
        String previousName = organization.rename(name);
        if (previousName != null) {
            OrganizationRenamedEvent renamed = OrganizationRenamedEvent.of(organization, previousName, Instant.now(clock));
            flush(name);
            events.publish(renamed);
        }
        return organization;
    }

    public Organization get(UUID id) {
        return organizations.findByIdOptional(id)
                .orElseThrow(() -> new NotFoundException("Organization not found", "No organization with id " + id + "."));
    }

    public Page<Organization> list(int page, int size) {
        var query = organizations.findAll(Sort.by("name").and("id"));
        return Page.of(query.page(page, size).list(), page, size, query.count());
    }

    /** For other features that refer to an organization: absent is fine, unknown is not. */
    public void requireExisting(UUID id) {
        if (id != null && organizations.findByIdOptional(id).isEmpty()) {
            throw new UnprocessableException("Unknown organization", "No organization with id " + id + ".");
        }
    }

    private void flush(String name) {
        UniqueConstraints.flushOrRefuse(organizations.getEntityManager(), Organization.NAME_UNIQUE_CONSTRAINT,
                () -> nameTaken(name));
    }

    private void refuseTakenName(String name) {
        if (organizations.nameTaken(name)) {
            throw nameTaken(name);
        }
    }

    private static ConflictException nameTaken(String name) {
        return new ConflictException("Organization name taken", "An organization named " + name + " exists.");
    }
}
