package dev.outboxkit.customerservice.idempotency;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A response as first sent: replayed verbatim to a retry that carries the same Idempotency-Key. */
public record StoredResponse(int status, String location, String body, boolean replayed) {

    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public Response toResponse(UriInfo uri) {
        Response.ResponseBuilder response = Response.status(status).type(MediaType.APPLICATION_JSON).entity(body);
        if (location != null) {
            response.location(uri.getBaseUriBuilder().path(location).build());
        }
        if (replayed) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.build();
    }
}
