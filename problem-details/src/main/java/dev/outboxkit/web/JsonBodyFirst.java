package dev.outboxkit.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Reads a JSON request body completely on the event loop, before Quarkus REST hands the request to a worker
 * thread. Without it, a blocking endpoint (every endpoint here: they run JDBC transactions) reads its body
 * on the worker through a blocking stream that waits for the event loop to pass each chunk over (a lock, a
 * wait and a wake-up per request: 9.5 % of customer-service's CPU samples under load, bench/RESULTS.md).
 * With the body already in the routing context, Quarkus REST deserialises it from memory. The size limit
 * stays quarkus.http.limits.max-body-size (413 beyond it), as before; other bodies (forms, uploads) are left
 * to Quarkus REST as they were.
 */
@ApplicationScoped
public class JsonBodyFirst {

    private final BodyHandler body;

    JsonBodyFirst(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        // false: no file uploads to disk; a JSON body is never one.
        this.body = BodyHandler.create(false).setBodyLimit(limit.asLongValue());
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_BODY_HANDLER).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        if (hasBody(rc.request().method()) && isJson(rc.request().getHeader("Content-Type"))) {
            body.handle(rc);
        } else {
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
