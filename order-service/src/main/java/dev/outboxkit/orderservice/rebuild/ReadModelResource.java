package dev.outboxkit.orderservice.rebuild;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;
import io.smallrye.common.annotation.Blocking;

@Path("/admin/read-model")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
public class ReadModelResource {

    private final ReadModelRebuild rebuild;

    ReadModelResource(ReadModelRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @RolesAllowed(Roles.BACK_OFFICE)
    @Operation(summary = "Rebuild the customer view and the order history from the topics",
            description = "Replays customer.events, organization.events and order.events from the beginning in one "
                    + "transaction; readers see the old model until it commits. Refused with 409 (problem+json naming the "
                    + "partitions), changing nothing, when a topic no longer starts at offset 0 because retention "
                    + "deleted its oldest events.")
    @APIResponseSchema(value = ReadModelRebuild.Report.class, responseDescription = "What was replayed.")
    @APIResponse(responseCode = "409", description = "A topic no longer starts at offset 0; nothing was changed.")
    public ReadModelRebuild.Report rebuild() {
        return rebuild.rebuild();
    }
}
