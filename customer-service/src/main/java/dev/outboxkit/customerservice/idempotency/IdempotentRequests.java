package dev.outboxkit.customerservice.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.problem.UnprocessableException;

/**
 * Runs a use case at most once per Idempotency-Key, for the resource that answers it: the use case returns its
 * domain result and the resource turns it into the response (status, Location, body); replaying that response is
 * this class's business, not the use case's. The key is claimed, the use case runs and its response is stored, all
 * in one transaction (begun here; the use case's {@code @Transactional} joins it): a retry either finds the stored
 * response or, while the first attempt is still running, waits on the key's row lock and then finds it. A failed
 * attempt rolls back its claim, so the retry runs the use case afresh.
 * <p>
 * A key expires {@code idempotency.key-retention} after its first use (24 h by default): a request that carries an
 * expired key is a new request, as if the key had never been used, whether or not {@link IdempotencyKeyRetention}
 * has removed the old row yet. So the answer never depends on when the pruning job last ran.
 */
@ApplicationScoped
public class IdempotentRequests {

    private final EntityManager em;
    private final ObjectMapper mapper;
    private final IdempotencyConfig config;

    IdempotentRequests(EntityManager em, ObjectMapper mapper, IdempotencyConfig config) {
        this.em = em;
        this.mapper = mapper;
        this.config = config;
    }

    /** What the resource answers when the use case succeeds: the status, the Location (or null) and the body to serialise. */
    public record Outcome(int status, String location, Object body) {
    }

    @Transactional
    public StoredResponse execute(String scope, Optional<String> key, Object request, Supplier<Outcome> useCase) {
        if (key.isEmpty()) {
            return store(useCase.get());
        }
        String fingerprint = fingerprint(request);
        Optional<StoredResponse> earlier = claim(scope, key.get(), fingerprint);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        StoredResponse response = store(useCase.get());
        em.createNativeQuery("""
                UPDATE idempotent_request SET status = :status, location = :location, body = :body
                WHERE scope = :scope AND idempotency_key = :key""")
                .setParameter("status", response.status())
                .setParameter("location", response.location())
                .setParameter("body", response.body())
                .setParameter("scope", scope)
                .setParameter("key", key.get())
                .executeUpdate();
        return response;
    }

    /** Claims a new or expired key (1 row inserted or taken over); an unexpired one is left as it is (0 rows). */
    private Optional<StoredResponse> claim(String scope, String key, String fingerprint) {
        int claimed = em.createNativeQuery("""
                INSERT INTO idempotent_request (scope, idempotency_key, fingerprint, created_at)
                VALUES (:scope, :key, :fingerprint, now())
                ON CONFLICT (scope, idempotency_key) DO UPDATE
                SET fingerprint = excluded.fingerprint, created_at = excluded.created_at,
                    status = NULL, location = NULL, body = NULL
                WHERE idempotent_request.created_at < now() - make_interval(secs => :retentionSeconds)""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .setParameter("fingerprint", fingerprint)
                .setParameter("retentionSeconds", seconds(config.keyRetention()))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT fingerprint, status, location, body FROM idempotent_request
                WHERE scope = :scope AND idempotency_key = :key""")
                .setParameter("scope", scope)
                .setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new Earlier((String) row[0], (Number) row[1], (String) row[2], (String) row[3])
                .replayFor(key, fingerprint));
    }

    /** The stored row of a key in its window: replayed to the same request, refused (422) to another one. */
    record Earlier(String fingerprint, Number status, String location, String body) {

        StoredResponse replayFor(String key, String requestFingerprint) {
            if (!fingerprint.equals(requestFingerprint)) {
                throw new UnprocessableException("Idempotency-Key reused",
                        "The Idempotency-Key " + key + " was first used with a different request.");
            }
            return new StoredResponse(status.intValue(), location, body, true);
        }
    }

    /** The window in seconds as PostgreSQL's make_interval takes them: fractions kept, so a window under a second is one. */
    static double seconds(Duration window) {
        return window.toMillis() / 1000.0;
    }

    private StoredResponse store(Outcome outcome) {
        return new StoredResponse(outcome.status(), outcome.location(), json(outcome.body()), false);
    }

    private String fingerprint(Object request) {
        return fingerprintOf(json(request));
    }

    /** SHA-256 of the request as JSON, in hex: two requests are the same request when their JSON is the same. */
    static String fingerprintOf(String json) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
        }
    }
}
