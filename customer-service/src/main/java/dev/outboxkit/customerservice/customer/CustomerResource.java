package dev.outboxkit.customerservice.customer;

import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Caller;
import dev.outboxkit.access.Roles;
import dev.outboxkit.customerservice.idempotency.IdempotencyKey;
import dev.outboxkit.customerservice.idempotency.IdempotentRequests;
import dev.outboxkit.web.Page;

@Path("/customers")
@Tag(name = "Customers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    /** Keys are scoped per caller (the scope names the caller), so nobody can replay another's response. */
    private static final String SIGN_UP_SCOPE = "POST /customers by ";

    private final CustomerService service;
    private final IdempotentRequests idempotency;
    private final Caller caller;

    CustomerResource(CustomerService service, IdempotentRequests idempotency, Caller caller) {
        this.service = service;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.CUSTOMER })
    @Operation(summary = "Sign up a customer",
            description = "Emits CustomerCreated in the same transaction. A retry with the same Idempotency-Key "
                    + "returns the first response and creates nothing. Back-office signs up anyone and may link the "
                    + "profile to a user (ownerSubject); a customer signs up only themselves, once.")
    @APIResponse(responseCode = "201", description = "Signed up (or, for a repeated Idempotency-Key, the first "
            + "response again, with the header Idempotent-Replayed: true).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "409", description = "The email is registered already, or the user has a profile already.")
    @APIResponse(responseCode = "422", description = "Unknown organization, or an Idempotency-Key first used with "
            + "another request.")
    public Response create(@Valid @NotNull CreateCustomerRequest request,
            @HeaderParam(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION,
                    example = IdempotencyKey.EXAMPLE, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                            maxLength = IdempotencyKey.MAX_LENGTH)) String idempotencyKey,
            UriInfo uri) {
        Optional<String> key = IdempotencyKey.of(idempotencyKey);
        SignUp signUp = service.signUpOf(request);
        return idempotency.execute(SIGN_UP_SCOPE + caller.subject(), key, request, () -> {
            Customer customer = service.signUp(signUp);
            return new IdempotentRequests.Outcome(Response.Status.CREATED.getStatusCode(), "/customers/" + customer.getId(),
                    CustomerResponse.of(customer));
        }).toResponse(uri);
    }

    @GET
    @Path("/me")
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "The caller's own customer profile", description = "404 when the caller has none.")
    @APIResponseSchema(value = CustomerResponse.class, responseDescription = "The caller's profile.")
    @APIResponse(responseCode = "404", description = "The caller has no customer profile.")
    public CustomerResponse mine() {
        return CustomerResponse.of(service.mine());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT, Roles.CUSTOMER })
    @Operation(summary = "Read one customer", description = "A customer reads only their own profile; any other is 404.")
    public CustomerResponse get(@PathParam("id") UUID id) {
        return CustomerResponse.of(service.read(id));
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Operation(summary = "List customers, oldest first, optionally filtered")
    public Page<CustomerResponse> list(@QueryParam("email") String email,
            @QueryParam("organizationId") UUID organizationId, @QueryParam("active") Boolean active,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(new CustomerFilter(email, organizationId, active), page, size).map(CustomerResponse::of);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Operation(summary = "Change name, email or organization",
            description = "Optimistic locking: the request names the version it was based on; a stale one gets 409. "
                    + "Emits CustomerUpdated with the changed fields, or nothing when nothing changed.")
    @APIResponseSchema(value = CustomerResponse.class, responseDescription = "The customer as changed.")
    @APIResponse(responseCode = "409", description = "Stale version, email registered already, or the customer is deactivated.")
    @APIResponse(responseCode = "422", description = "Unknown organization.")
    public CustomerResponse update(@PathParam("id") UUID id, @Valid @NotNull UpdateCustomerRequest request) {
        return CustomerResponse.of(service.update(id, request));
    }

    @POST
    @Path("/{id}/deactivation")
    @RolesAllowed(Roles.BACK_OFFICE)
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Deactivate a customer", description = "Emits CustomerDeactivated once; repeating it changes nothing.")
    @APIResponseSchema(value = CustomerResponse.class, responseDescription = "The customer, deactivated.")
    @APIResponse(responseCode = "409", description = "A concurrent change came first; read it again and retry.")
    public CustomerResponse deactivate(@PathParam("id") UUID id) {
        return CustomerResponse.of(service.deactivate(id));
    }
}
