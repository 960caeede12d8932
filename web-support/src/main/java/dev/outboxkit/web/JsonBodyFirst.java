package dev.outboxkit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a JSON request body completely on the event loop, before Quarkus REST hands the request to a worker thread.
 * Every endpoint here is blocking (it runs a JDBC transaction), and Quarkus REST reads a blocking endpoint's body on
 * the worker through a stream that waits for the event loop to hand each chunk over: a lock, a wait and a wake-up
 * per request, 6-9 % of customer-service's CPU samples under load (bench/RESULTS.md). With the body already in the
 * routing context, Quarkus REST deserialises it from memory. Other bodies (forms, uploads, text) are left to
 * Quarkus REST as before.
 *
 * <p>HTTP/1.x only. Quarkus REST pauses the request when it takes it over, and an HTTP/2 stream whose body was read
 * to its end refuses that ({@code IllegalStateException: Request has already been read}, a 500); HTTP/2 requests
 * (e.g. Java's HttpClient after its h2c upgrade) keep the blocking read.
 *
 * <p>The size limit stays {@code quarkus.http.limits.max-body-size}; a body beyond it is refused with 413 as before,
 * now as problem+json rather than an empty answer.
 */
@ApplicationScoped
public class JsonBodyFirst {

    private static final int TOO_LARGE = 413;

    private final BodyHandler body;
    private final long limit;
    private final ObjectMapper json;

    JsonBodyFirst(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            ObjectMapper json) {
        this.limit = limit.asLongValue();
        // false: no file uploads to disk; a JSON body is never one.
        this.body = BodyHandler.create(false).setBodyLimit(this.limit);
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(this::handle).failureHandler(this::tooLarge);
    }

    private void handle(RoutingContext rc) {
        if (rc.request().version() != HttpVersion.HTTP_2 && hasBody(rc.request().method())
                && isJson(rc.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            body.handle(rc);
        } else {
            rc.next();
        }
    }

    /** The body handler fails the request with 413 when the body outgrows the limit; every other failure passes. */
    private void tooLarge(RoutingContext rc) {
        if (rc.statusCode() != TOO_LARGE || rc.response().headWritten()) {
            rc.next();
            return;
        }
        Problem problem = Problem.of(TOO_LARGE, "Content Too Large",
                "The request body is larger than the " + limit + " bytes this service accepts.", rc.request().path());
        try {
            rc.response().setStatusCode(TOO_LARGE).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException impossible) {
            rc.next();
        }
    }

    private static boolean hasBody(HttpMethod method) {
        return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase();
        return type.equals("application/json") || type.endsWith("+json");
    }
}
