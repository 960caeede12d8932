package dev.outboxkit.problem;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.quarkus.logging.Log;

/** Every error this service returns is problem+json, and this is the one place that says how. */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domainProblem(DomainProblem problem, UriInfo uri) {
        return respond(Problem.of(problem.status(), problem.title(), problem.getMessage(), uri.getPath()));
    }

    /** A parameter or body field that does not parse, or that a rule of the API refuses: 400 naming it. */
    @ServerExceptionMapper
    public Response invalidPart(InvalidRequestException problem, UriInfo uri) {
        return respond(Problem.of(400, problem.title(), problem.getMessage(), uri.getPath()).withViolations(problem.violations()));
    }

    /**
     * The change was based on a version the resource is no longer at: the client must re-read and retry. The rule for
     * this and the 503 below: a subclass (outbox-support's {@code StaleVersionException}) is a refusal written for the
     * client, and its message is the detail; the base class, as Hibernate or the JDK throw it, names internals, so
     * the body says it in general.
     */
    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        if (e.getClass() != OptimisticLockException.class && e.getMessage() != null) {
            return respond(Problem.of(409, "Stale version", e.getMessage(), uri.getPath()));
        }
        return respond(Problem.of(409, "Concurrent modification",
                "The resource was changed by another request; read it again and retry.", uri.getPath()));
    }

    /**
     * Work refused now that will be accepted later: outbox-support's {@code RelayNotCapturingException} while the event
     * relay is not capturing (its message says why), or a full worker pool. 503 either way.
     */
    @ServerExceptionMapper
    public Response notNow(RejectedExecutionException e, UriInfo uri) {
        if (e.getClass() != RejectedExecutionException.class && e.getMessage() != null) {
            return respond(Problem.of(503, "Not accepting changes yet", e.getMessage(), uri.getPath()));
        }
        return respond(Problem.of(503, "Busy", "The service cannot take this request now; retry in a few seconds.",
                uri.getPath()));
    }

    @ServerExceptionMapper
    public Response invalidRequest(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList();
        Problem problem = Problem.of(400, "Invalid request", "The request has " + violations.size() + " invalid field(s).",
                uri.getPath());
        return respond(problem.withViolations(violations));
    }

    @ServerExceptionMapper
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        return respond(Problem.of(400, "Malformed JSON", e.getOriginalMessage(), uri.getPath()));
    }

    /**
     * Well-formed JSON of the wrong shape: a value of the wrong type, one that does not parse ({@code "tomorrow"}
     * as a date), an unknown property. Quarkus REST's own mapper for this exception answers an empty 400 when
     * packaged (a body only in dev and test mode); this one, of higher priority, names the field.
     */
    @ServerExceptionMapper
    public Response mismatchedBody(MismatchedInputException e, UriInfo uri) {
        return invalidPart(new InvalidRequestException(List.of(BodyViolations.of(e))), uri);
    }

    @ServerExceptionMapper
    public Response httpError(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof MismatchedInputException mismatched) {
            return mismatchedBody(mismatched, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableBody(unreadable, uri);
        }
        int status = e.getResponse().getStatus();
        return respond(Problem.of(status, e.getResponse().getStatusInfo().getReasonPhrase(), e.getMessage(), uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        Log.errorf(e, "Unhandled error on %s", uri.getPath());
        return respond(Problem.of(500, "Internal error", "The request could not be completed; it was logged.", uri.getPath()));
    }

    private static Response respond(Problem problem) {
        return response(problem).build();
    }

    /** A problem+json response of the problem's status, for mappers that add headers of their own. */
    public static Response.ResponseBuilder response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    /**
     * The request field a violation is about, as the client wrote it: a body field relative to the body
     * ({@code create.request.lines[0].quantity} → {@code lines[0].quantity}), else the parameter ({@code size}).
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    if (node.isInIterable() && node.getIndex() != null) {
                        field.append('[').append(node.getIndex()).append(']');
                    } else if (node.isInIterable() && node.getKey() != null) {
                        field.append('[').append(node.getKey()).append(']');
                    }
                    if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                        field.append(field.isEmpty() ? "" : ".").append(node.getName());
                    }
                }
                default -> {
                    // the method, its return value, cross-parameter constraints: not something the client sent
                }
            }
        }
        return field.isEmpty() ? parameter : field.toString();
    }
}
