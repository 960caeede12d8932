package dev.outboxkit.customerservice.idempotency;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.vertx.core.http.HttpServerRequest;

/**
 * Refuses a malformed {@code Idempotency-Key} before anything else reads the request. An empty header reaches a
 * {@code @HeaderParam} as no header at all, so the resource alone would run the request without a key (a client
 * that meant to make its retries safe would get duplicates); the raw header tells the two apart.
 */
public class IdempotencyKeyCheck {

    @ServerRequestFilter
    public void refuseMalformedKey(HttpServerRequest request) {
        for (String key : request.headers().getAll(IdempotencyKey.HEADER)) {
            IdempotencyKey.of(key);
        }
    }
}
