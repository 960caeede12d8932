package dev.outboxkit.notificationservice.delivery;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;
import dev.outboxkit.problem.ConflictException;
import dev.outboxkit.problem.NotFoundException;

/** The delivery ledger: which emails went out, which are still being tried, which were given up. */
@Path("/deliveries")
@Tag(name = "Deliveries")
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {

    private final DeliveryLedger ledger;
    private final DeliveryDispatcher dispatcher;

    DeliveryResource(DeliveryLedger ledger, DeliveryDispatcher dispatcher) {
        this.ledger = ledger;
        this.dispatcher = dispatcher;
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Operation(summary = "Deliveries, newest first, by customer, status and kind")
    public List<DeliveryResponse> search(@QueryParam("customerId") UUID customerId,
            @QueryParam("status") DeliveryStatus status, @QueryParam("kind") DeliveryKind kind,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return ledger.search(customerId, status, kind, limit).stream().map(DeliveryResponse::of).toList();
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Path("/{eventId}")
    @Operation(summary = "The delivery an event called for")
    public DeliveryResponse get(@PathParam("eventId") UUID eventId) {
        return DeliveryResponse.of(ledger.find(eventId).orElseThrow(() -> notFound(eventId)));
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Path("/missing-welcome")
    @Operation(summary = "Customers whose welcome email has not been accepted by the mail server",
            description = "Each with the state of its delivery: none yet, PENDING, RETRYING or DEAD_LETTERED.")
    public List<DeliveryLedger.MissingWelcome> missingWelcome(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return ledger.customersWithoutWelcome(limit);
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    @Path("/{eventId}/redrive")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Try a dead-lettered email again", description = "Resets its attempt budget; once sent, it stays sent.")
    @APIResponseSchema(value = DeliveryResponse.class, responseDescription = "The delivery, queued again.")
    @APIResponse(responseCode = "409", description = "The delivery is not dead-lettered.")
    public DeliveryResponse redrive(@PathParam("eventId") UUID eventId) {
        Delivery delivery = ledger.find(eventId).orElseThrow(() -> notFound(eventId));
        if (!ledger.requeue(eventId)) {
            throw new ConflictException("Not dead-lettered", "The delivery for event " + eventId + " is "
                    + delivery.getStatus() + "; only a dead-lettered one can be redriven.");
        }
        dispatcher.wakeUp();
        return DeliveryResponse.of(ledger.find(eventId).orElseThrow());
    }

    private static NotFoundException notFound(UUID eventId) {
        return new NotFoundException("Delivery not found", "No delivery for event " + eventId + ".");
    }

    /** @param unconfirmedSends sends whose outcome is unknown: the customer may have this email more than once */
    public record DeliveryResponse(UUID eventId, DeliveryKind kind, UUID customerId, DeliveryStatus status,
            @Schema(example = "1") int attempts, @Schema(example = "0") int unconfirmedSends,
            @Schema(nullable = true, description = "Why the last attempt failed; null once sent.") String lastError,
            @Schema(nullable = true, format = "email", description = "Who it went to; null until sent.") String recipient,
            Instant createdAt, @Schema(nullable = true, description = "null until sent.") Instant sentAt,
            @Schema(nullable = true, description = "When it is tried next; null unless PENDING or RETRYING.") Instant nextAttemptAt) {

        static DeliveryResponse of(Delivery d) {
            return new DeliveryResponse(d.getEventId(), d.getKind(), d.getCustomerId(), d.getStatus(), d.getAttempts(),
                    d.getUnconfirmedSends(), d.getLastError(), d.getRecipient(), d.getCreatedAt(), d.getSentAt(),
                    d.getStatus() == DeliveryStatus.PENDING || d.getStatus() == DeliveryStatus.RETRYING ? d.getNextAttemptAt() : null);
        }
    }
}
