package dev.outboxkit.problem;

import java.util.Comparator;
import java.util.List;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.logging.Log;

/** Every error this service returns is problem+json, and this is the one place that says how. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domainProblem(DomainProblem problem, UriInfo uri) {
        return respond(new Problem(typeOf(problem.status()), problem.title(), problem.status(), problem.getMessage(),
                uri.getPath(), List.of()));
    }

    /** A concurrent transaction changed the same row first: the client must re-read and retry. */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(typeOf(409), "Concurrent modification", 409,
                "The resource was changed by another request; read it again and retry.", uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field))
                .toList();
        return respond(new Problem(typeOf(400), "Invalid request", 400,
                "The request has " + violations.size() + " invalid field(s).", uri.getPath(), violations));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return respond(new Problem(typeOf(400), "Malformed JSON", 400, e.getOriginalMessage(), uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        return respond(new Problem(typeOf(status), e.getResponse().getStatusInfo().getReasonPhrase(), status, e.getMessage(),
                uri.getPath(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unhandled error on %s", uri.getPath());
        return respond(new Problem(typeOf(500), "Internal error", 500, "The request could not be completed; it was logged.",
                uri.getPath(), List.of()));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String typeOf(int status) {
        return "https://www.rfc-editor.org/rfc/rfc9110#status." + status;
    }

    /** The request field a violation is about: the last node of its path ({@code create.request.email} → {@code email}). */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String field = null;
        for (Path.Node node : violation.getPropertyPath()) {
            field = node.getName();
        }
        return field;
    }
}
