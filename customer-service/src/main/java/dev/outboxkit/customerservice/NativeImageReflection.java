package dev.outboxkit.customerservice;

import dev.outboxkit.customerservice.customer.CreateCustomerRequest;
import dev.outboxkit.customerservice.customer.CustomerCreatedEvent;
import dev.outboxkit.customerservice.customer.CustomerDeactivatedEvent;
import dev.outboxkit.customerservice.customer.CustomerEvent;
import dev.outboxkit.customerservice.customer.CustomerResource;
import dev.outboxkit.customerservice.customer.CustomerResponse;
import dev.outboxkit.customerservice.customer.CustomerUpdatedEvent;
import dev.outboxkit.customerservice.customer.UpdateCustomerRequest;
import dev.outboxkit.customerservice.idempotency.StoredResponse;
import dev.outboxkit.customerservice.organization.CreateOrganizationRequest;
import dev.outboxkit.customerservice.organization.OrganizationCreatedEvent;
import dev.outboxkit.customerservice.organization.OrganizationEvent;
import dev.outboxkit.customerservice.organization.OrganizationRenamedEvent;
import dev.outboxkit.customerservice.organization.OrganizationResource;
import dev.outboxkit.customerservice.organization.OrganizationResponse;
import dev.outboxkit.customerservice.organization.RenameOrganizationRequest;
import dev.outboxkit.outbox.Actor;
import dev.outboxkit.outbox.DomainEvent;
import dev.outboxkit.problem.Problem;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Classes that Jackson reaches by reflection in a native image but that Quarkus cannot see as REST types:
 * it registers the declared parameter and return types of resource methods, not what code hands to the
 * ObjectMapper or puts into a {@code Response}. Missing one does not fail the native build; it silently
 * drops properties or fails at run time, so keep this list in step with the code:
 * <ul>
 * <li>event payloads, turned into JSON by {@code EventPublisher} ({@code mapper.valueToTree}); the
 * interfaces carry {@code @JsonProperty("type")} and {@code @JsonIgnore}, which Jackson reads from their
 * declared methods — without them the payload would lose {@code type} and gain the routing fields;</li>
 * <li>the actor every payload names ({@code Actor}, whose {@code Type} is written through a
 * {@code @JsonValue} method);</li>
 * <li>problem+json bodies, built as {@code Response} entities by the exception mappers;</li>
 * <li>what {@code IdempotentRequests} serialises itself: the request (its fingerprint) and the first
 * response body, which also leaves POST as a {@code Response} entity.</li>
 * <li>the resource classes: StrictParameters (web-support) reads their methods' parameter annotations
 * ({@code ResourceInfo.getResourceMethod()}) to name a parameter that does not parse.</li>
 * </ul>
 * {@code NativeImageReflectionTest} fails when an event, DTO or problem type is missing here (testkit's
 * {@code NativeReflection} states the rule); the request records of {@code PUT} and the stored response are
 * listed by that rule, though Quarkus would see some of them itself.
 */
@RegisterForReflection(targets = {
        DomainEvent.class,
        CustomerEvent.class,
        CustomerCreatedEvent.class,
        CustomerUpdatedEvent.class,
        CustomerDeactivatedEvent.class,
        OrganizationEvent.class,
        OrganizationCreatedEvent.class,
        OrganizationRenamedEvent.class,
        Actor.class,
        Actor.Type.class,
        Problem.class,
        Problem.Violation.class,
        CreateCustomerRequest.class,
        CustomerResponse.class,
        CreateOrganizationRequest.class,
        OrganizationResponse.class,
        UpdateCustomerRequest.class,
        RenameOrganizationRequest.class,
        StoredResponse.class,
        CustomerResource.class,
        OrganizationResource.class })
final class NativeImageReflection {

    private NativeImageReflection() {
    }
}
