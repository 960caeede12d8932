package dev.outboxkit.orderservice.history;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;
import dev.outboxkit.orderservice.shared.OrderReadAccess;
import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.web.Page;

/** The read side: answered from the model fed by order.events, eventually consistent with the writes. */
@Path("/customers/{customerId}/orders")
@Tag(name = "Order history")
@Produces(MediaType.APPLICATION_JSON)
public class OrderHistoryResource {

    private final OrderHistory history;
    private final OrderReadAccess access;

    OrderHistoryResource(OrderHistory history, OrderReadAccess access) {
        this.history = history;
        this.access = access;
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "A customer's orders, newest first", description = "Filter by status and by product (substring, "
            + "any line). Served from the read model fed by order.events, so a change shows up a moment after it commits.")
    public Page<OrderHistory.OrderSummary> customerOrders(@PathParam("customerId") UUID customerId,
            @QueryParam("status") OrderStatus status, @QueryParam("product") String product,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        access.requireCustomer(customerId);
        return history.customerOrders(customerId, status == null ? null : status.name(), product, page, size);
    }
}
