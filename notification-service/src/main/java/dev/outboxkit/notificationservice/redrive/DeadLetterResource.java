package dev.outboxkit.notificationservice.redrive;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.outboxkit.access.Roles;

import io.smallrye.common.annotation.Blocking;

@Path("/dead-letters")
@Tag(name = "Dead letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetterRedrive redrive;

    DeadLetterResource(DeadLetterRedrive redrive) {
        this.redrive = redrive;
    }

    @POST
    @RolesAllowed(Roles.BACK_OFFICE)
    @Path("/redrive")
    @Consumes(MediaType.WILDCARD)
    @Blocking
    @Operation(summary = "Re-process every event on the dead-letter topic, idempotently",
            description = "Dead-lettered emails are queued again; events already handled are skipped; the rest go "
                    + "through the handler again. Returns what happened to each.")
    public DeadLetterRedrive.Report redriveAll() {
        return redrive.redriveAll();
    }
}
