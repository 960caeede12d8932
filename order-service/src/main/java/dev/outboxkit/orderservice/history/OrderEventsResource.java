package dev.outboxkit.orderservice.history;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;
import dev.outboxkit.orderservice.shared.OrderReadAccess;

/**
 * An order's events, from the read side's event log. Under the write side's {@code /orders} URL, but its own
 * resource: the write side's resource does not reach into the read side.
 */
@Path("/orders/{id}/events")
@Tag(name = "Order history")
@Produces(MediaType.APPLICATION_JSON)
public class OrderEventsResource {

    private final OrderHistory history;
    private final OrderReadAccess access;

    OrderEventsResource(OrderHistory history, OrderReadAccess access) {
        this.history = history;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "Every event of one order, in sequence", description = "From the read side, fed by order.events.")
    public List<OrderHistory.HistoricEvent> events(@PathParam("id") UUID id) {
        access.requireOrder(id);
        return history.events(id);
    }
}
