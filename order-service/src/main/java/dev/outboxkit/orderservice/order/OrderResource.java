package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.orderservice.invoice.Invoice;

@Path("/orders")
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrderResource {

    private final OrderService service;

    OrderResource(OrderService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Place an order", description = "422 for a customer this service does not know (yet) or that is "
            + "deactivated. Emits OrderCreated in the same transaction.")
    public Response place(@Valid @NotNull CreateOrderRequest request, UriInfo uri) {
        Order order = service.place(request);
        return Response.created(uri.getAbsolutePathBuilder().path(order.getId().toString()).build())
                .entity(OrderResponse.of(order)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one order")
    public OrderResponse get(@PathParam("id") UUID id) {
        return OrderResponse.of(service.get(id));
    }

    @POST
    @Path("/{id}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Confirm", description = "CREATED → CONFIRMED; issues the invoice. Emits OrderStatusChanged and InvoiceCreated.")
    public OrderResponse confirm(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.CONFIRMED));
    }

    @POST
    @Path("/{id}/ship")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ship", description = "CONFIRMED → SHIPPED; any other move is a 409.")
    public OrderResponse ship(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.SHIPPED));
    }

    @POST
    @Path("/{id}/deliver")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deliver", description = "SHIPPED → DELIVERED.")
    public OrderResponse deliver(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.DELIVERED));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Cancel", description = "CREATED or CONFIRMED → CANCELLED.")
    public OrderResponse cancel(@PathParam("id") UUID id) {
        return OrderResponse.of(service.changeStatus(id, OrderStatus.CANCELLED));
    }

    @GET
    @Path("/{id}/invoice")
    @Operation(summary = "The order's invoice", description = "404 until the order is confirmed.")
    public InvoiceResponse invoice(@PathParam("id") UUID id) {
        return InvoiceResponse.of(service.invoiceOf(id));
    }

    public record InvoiceResponse(UUID id, String number, UUID orderId, UUID customerId, UUID organizationId,
            BigDecimal amount, Instant issuedAt) {

        static InvoiceResponse of(Invoice invoice) {
            return new InvoiceResponse(invoice.getId(), invoice.getNumber(), invoice.getOrderId(), invoice.getCustomerId(),
                    invoice.getOrganizationId(), invoice.getAmount(), invoice.getIssuedAt());
        }
    }
}
