package dev.outboxkit.customerservice.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
 * Runs a use case at most once per Idempotency-Key. The key is claimed, the use case runs and its
 * response is stored, all in the caller's transaction: a retry either finds the stored response or,
 * while the first attempt is still running, waits on the key's row lock and then finds it. A failed
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

    /** What the use case produced: the status, the Location (or null) and the body to serialise. */
    public record Outcome(int status, String location, Object body) {
    }

    @Transactional(Transactional.TxType.MANDATORY)
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
                .setParameter("retentionSeconds", config.keyRetention().toMillis() / 1000.0)
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
        if (!fingerprint.equals(row[0])) {
            throw new UnprocessableException("Idempotency-Key reused",
                    "The Idempotency-Key " + key + " was first used with a different request.");
        }
        return Optional.of(new StoredResponse(((Number) row[1]).intValue(), (String) row[2], (String) row[3], true));
    }

    private StoredResponse store(Outcome outcome) {
        return new StoredResponse(outcome.status(), outcome.location(), json(outcome.body()), false);
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
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
