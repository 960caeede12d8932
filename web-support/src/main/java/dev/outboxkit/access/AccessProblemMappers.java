package dev.outboxkit.access;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.outboxkit.problem.Problem;
import dev.outboxkit.problem.ProblemMappers;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * 401 and 403 as problem+json. Authentication is not proactive (see META-INF/microprofile-config.properties),
 * so a missing or bad token surfaces here, inside JAX-RS, instead of as an empty 401 from the HTTP layer.
 */
public class AccessProblemMappers {

    @ServerExceptionMapper
    public Response noToken(UnauthorizedException e, UriInfo uri) {
        return unauthorized("Bearer", "This request needs a bearer token from the identity provider.", uri);
    }

    /** Expired, tampered, issued by someone else or for another audience: RFC 6750 calls all of them invalid_token. */
    @ServerExceptionMapper
    public Response badToken(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized("Bearer error=\"invalid_token\"",
                "The bearer token was refused (expired, not signed by the identity provider, or not meant for this service).",
                uri);
    }

    @ServerExceptionMapper
    public Response notAllowed(ForbiddenException e, UriInfo uri) {
        return ProblemMappers.response(Problem.of(403, "Forbidden", reason(e), uri.getPath())).build();
    }

    /** The role check's own message names internals ("Forbidden"); a refusal of ours says why. */
    private static String reason(ForbiddenException e) {
        String message = e.getMessage();
        return message == null || message.isBlank() || message.equals("Forbidden") ? "Your roles do not allow this request."
                : message;
    }

    private static Response unauthorized(String challenge, String detail, UriInfo uri) {
        return ProblemMappers.response(Problem.of(401, "Unauthorized", detail, uri.getPath()))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
