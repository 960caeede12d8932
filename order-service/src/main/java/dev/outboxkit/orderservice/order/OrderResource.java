package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;
import dev.outboxkit.orderservice.invoice.Invoice;
import dev.outboxkit.orderservice.shared.OrderAsOf;
import dev.outboxkit.orderservice.shared.OrderReadAccess;
import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.orderservice.shared.OrderView;
import dev.outboxkit.orderservice.shared.PastOrders;

@Path("/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private static final String MOVE_REFUSED = "The order's status does not allow this move, or a concurrent change came first.";

    private final OrderService service;
    private final PastOrders pastOrders;
    private final OrderReadAccess access;

    OrderResource(OrderService service, PastOrders pastOrders, OrderReadAccess access) {
        this.service = service;
        this.pastOrders = pastOrders;
        this.access = access;
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    @Operation(summary = "Place an order", description = "422 for a customer this service does not know (yet) or that is "
            + "deactivated. Emits OrderCreated in the same transaction.")
    @APIResponse(responseCode = "201", description = "Placed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrderResponse.class)))
    @APIResponse(responseCode = "409", description = "The customer has an order of that purchase order number already.")
    @APIResponse(responseCode = "422", description = "A customer this service does not know (yet) or that is "
            + "deactivated, or an unknown organization.")
    public Response place(@Valid @NotNull CreateOrderRequest request, UriInfo uri) {
        Order order = service.place(request);
        return Response.created(uri.getAbsolutePathBuilder().path(order.getId().toString()).build())
                .entity(OrderResponse.of(order)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "Read one order", description = "With asOf (an ISO-8601 instant), the order as it was then, "
            + "rebuilt from its events.")
    @APIResponse(responseCode = "200", description = "Without asOf the order as it is (OrderResponse), with asOf as it "
            + "was then (OrderAsOf).", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(anyOf = { OrderResponse.class, OrderAsOf.class })))
    public OrderView get(@PathParam("id") UUID id,
            @QueryParam("asOf") @Parameter(description = "An ISO-8601 instant.", example = "2030-01-01T12:00:00Z") Instant asOf) {
        access.requireOrder(id);
        return asOf == null ? OrderResponse.of(service.get(id)) : pastOrders.asOf(id, asOf);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm", description = "CREATED → CONFIRMED; issues the invoice. Emits OrderStatusChanged and InvoiceCreated.")
    @APIResponseSchema(value = OrderResponse.class, responseDescription = "The order in its new status.")
    @APIResponse(responseCode = "409", description = MOVE_REFUSED)
    public OrderResponse confirm(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.CONFIRMED));
    }

    @POST
    @Path("/{id}/ship")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ship", description = "CONFIRMED → SHIPPED; any other move is a 409.")
    @APIResponseSchema(value = OrderResponse.class, responseDescription = "The order in its new status.")
    @APIResponse(responseCode = "409", description = MOVE_REFUSED)
    public OrderResponse ship(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.SHIPPED));
    }

    @POST
    @Path("/{id}/deliver")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deliver", description = "SHIPPED → DELIVERED.")
    @APIResponseSchema(value = OrderResponse.class, responseDescription = "The order in its new status.")
    @APIResponse(responseCode = "409", description = MOVE_REFUSED)
    public OrderResponse deliver(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.DELIVERED));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel", description = "CREATED or CONFIRMED → CANCELLED.")
    @APIResponseSchema(value = OrderResponse.class, responseDescription = "The order in its new status.")
    @APIResponse(responseCode = "409", description = MOVE_REFUSED)
    public OrderResponse cancel(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.CANCELLED));
    }

    @GET
    @Path("/{id}/invoice")
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "The order's invoice", description = "404 until the order is confirmed.")
    public InvoiceResponse invoice(@PathParam("id") UUID id) {
        access.requireOrder(id);
        return InvoiceResponse.of(service.invoiceOf(id));
    }

    public record InvoiceResponse(UUID id, @Schema(example = "INV-000001") String number, UUID orderId, UUID customerId,
            @Schema(nullable = true) UUID organizationId, @Schema(example = "19.00") BigDecimal amount, Instant issuedAt) {

        static InvoiceResponse of(Invoice invoice) {
            return new InvoiceResponse(invoice.getId(), invoice.getNumber(), invoice.getOrderId(), invoice.getCustomerId(),
                    invoice.getOrganizationId(), invoice.getAmount(), invoice.getIssuedAt());
        }
    }
}
