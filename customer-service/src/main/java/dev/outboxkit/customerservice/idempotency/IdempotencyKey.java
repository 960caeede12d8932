package dev.outboxkit.customerservice.idempotency;

import java.util.Optional;

import dev.outboxkit.problem.InvalidRequestException;

/**
 * The {@code Idempotency-Key} header as a client may send it: absent, or 1 to {@value #MAX_LENGTH} characters
 * (the length of its database column). An empty key would make every keyless retry of a client that sends an
 * empty header one and the same request; a longer one could not be stored.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    public static final int MAX_LENGTH = 200;
    public static final String EXAMPLE = "7d3f2c1e-signup-ada";
    public static final String DESCRIPTION = "Makes a retry safe: a repeated key returns the first response and "
            + "creates nothing; a key first used with another request is refused (422). A key is remembered for 24 "
            + "hours by default (IDEMPOTENCY_KEY_RETENTION); a retry after that is a new request. 1 to 200 characters.";

    private IdempotencyKey() {
    }

    /** The key of a request, or empty when it has none; a 400 naming the header when it is malformed. */
    public static Optional<String> of(String header) {
        if (header == null) {
            return Optional.empty();
        }
        if (header.isBlank() || header.length() > MAX_LENGTH) {
            throw new InvalidRequestException(HEADER,
                    "must be 1 to " + MAX_LENGTH + " characters, not only spaces (it has " + header.length() + ")");
        }
        return Optional.of(header);
    }
}
