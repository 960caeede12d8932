package dev.outboxkit.customerservice.customer;

import java.net.URI;
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
    @Operation(summary = "Sign up a customer", description = "Emits CustomerCreated in the same transaction.")
    public Response create(@Valid @NotNull CreateCustomerRequest request, UriInfo uri) {
        Customer customer = service.register(request.name(), request.email());
        URI location = uri.getAbsolutePathBuilder().path(customer.getId().toString()).build();
        return Response.created(location).entity(CustomerResponse.of(customer)).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read one customer")
    public CustomerResponse get(@PathParam("id") UUID id) {
        return CustomerResponse.of(service.get(id));
    }
}
