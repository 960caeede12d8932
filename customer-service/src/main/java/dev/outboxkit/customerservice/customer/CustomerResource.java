package dev.outboxkit.customerservice.customer;

import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.web.Page;

@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService service;

    CustomerResource(CustomerService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Sign up a customer",
            description = "Emits CustomerCreated in the same transaction. A retry with the same Idempotency-Key "
                    + "returns the first response and creates nothing.")
    public Response create(@Valid @NotNull CreateCustomerRequest request,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey, UriInfo uri) {
        return service.register(request, Optional.ofNullable(idempotencyKey)).toResponse(uri);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one customer")
    public CustomerResponse get(@PathParam("id") UUID id) {
        return CustomerResponse.of(service.get(id));
    }

    @GET
    @Operation(summary = "List customers, oldest first, optionally filtered")
    public Page<CustomerResponse> list(@QueryParam("email") String email,
            @QueryParam("organizationId") UUID organizationId, @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new CustomerFilter(email, organizationId, active), page, size);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Change name, email or organization",
            description = "Optimistic locking: the request names the version it was based on; a stale one gets 409. "
                    + "Emits CustomerUpdated with the changed fields, or nothing when nothing changed.")
    public CustomerResponse update(@PathParam("id") UUID id, @Valid @NotNull UpdateCustomerRequest request) {
        return CustomerResponse.of(service.update(id, request));
    }

    @POST
    @Path("/{id}/deactivation")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deactivate a customer", description = "Emits CustomerDeactivated once; repeating it changes nothing.")
    public CustomerResponse deactivate(@PathParam("id") UUID id) {
        return CustomerResponse.of(service.deactivate(id));
    }
}
