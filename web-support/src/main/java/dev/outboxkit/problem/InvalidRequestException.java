package dev.outboxkit.problem;

import java.util.List;

/**
 * A request refused before it reached the use case because parts of it do not have the form the API states: a
 * body field ({@code lines[0].quantity}) or a query, path or header parameter, each named as the client sent it
 * ({@code size}, {@code Idempotency-Key}).
 */
public class InvalidRequestException extends DomainProblem {

    private final List<Problem.Violation> violations;

    public InvalidRequestException(List<Problem.Violation> violations) {
        super("Invalid request", "The request has " + violations.size() + " invalid field(s).");
        this.violations = List.copyOf(violations);
    }

    public InvalidRequestException(String field, String message) {
        this(List.of(new Problem.Violation(field, message)));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    @Override
    public int status() {
        return 400;
    }
}
