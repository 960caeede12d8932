package dev.outboxkit.customerservice.organization;

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

import dev.outboxkit.access.Roles;
import dev.outboxkit.customerservice.idempotency.IdempotencyKey;
import dev.outboxkit.customerservice.idempotency.IdempotentRequests;
import dev.outboxkit.web.Page;

@Path("/organizations")
@Tag(name = "Organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationResource {

    private static final String CREATE_SCOPE = "POST /organizations";

    private final OrganizationService service;
    private final IdempotentRequests idempotency;

    OrganizationResource(OrganizationService service, IdempotentRequests idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    @Operation(summary = "Create an organization", description = "Emits OrganizationCreated in the same transaction.")
    @APIResponse(responseCode = "201", description = "Created (or, for a repeated Idempotency-Key, the first "
            + "response again, with the header Idempotent-Replayed: true).",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganizationResponse.class)))
    @APIResponse(responseCode = "409", description = "An organization of that name exists already.")
    @APIResponse(responseCode = "422", description = "An Idempotency-Key first used with another request.")
    public Response create(@Valid @NotNull CreateOrganizationRequest request,
            @HeaderParam(IdempotencyKey.HEADER) @Parameter(description = IdempotencyKey.DESCRIPTION,
                    example = IdempotencyKey.EXAMPLE, schema = @Schema(type = SchemaType.STRING, minLength = 1,
                            maxLength = IdempotencyKey.MAX_LENGTH)) String idempotencyKey,
            UriInfo uri) {
        return idempotency.execute(CREATE_SCOPE, IdempotencyKey.of(idempotencyKey), request, () -> {
            Organization organization = service.create(request);
            return new IdempotentRequests.Outcome(Response.Status.CREATED.getStatusCode(),
                    "/organizations/" + organization.getId(), OrganizationResponse.of(organization));
        }).toResponse(uri);
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Path("/{id}")
    @Operation(summary = "Read one organization")
    public OrganizationResponse get(@PathParam("id") UUID id) {
        return OrganizationResponse.of(service.get(id));
    }

    @GET
    @RolesAllowed({ Roles.BACK_OFFICE, Roles.SUPPORT })
    @Operation(summary = "List organizations by name")
    public Page<OrganizationResponse> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return service.list(page, size).map(OrganizationResponse::of);
    }

    @PUT
    @RolesAllowed(Roles.BACK_OFFICE)
    @Path("/{id}")
    @Operation(summary = "Rename an organization",
            description = "Optimistic locking on version (stale: 409). Emits OrganizationRenamed when the name changes.")
    @APIResponseSchema(value = OrganizationResponse.class, responseDescription = "The organization as renamed.")
    @APIResponse(responseCode = "409", description = "Stale version, or the name is taken.")
    public OrganizationResponse rename(@PathParam("id") UUID id, @Valid @NotNull RenameOrganizationRequest request) {
        return OrganizationResponse.of(service.rename(id, request));
    }
}
