package dev.outboxkit.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 7807 problem detail, served as {@code application/problem+json}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A problem whose type is the HTTP status's definition in RFC 9110. */
    public static Problem of(int status, String title, String detail, String instance) {
        return new Problem("https://www.rfc-editor.org/rfc/rfc9110#status." + status, title, status, detail, instance,
                List.of());
    }

    public Problem withViolations(List<Violation> fieldViolations) {
        return new Problem(type, title, status, detail, instance, List.copyOf(fieldViolations));
    }

    public record Violation(String field, String message) {
    }
}
