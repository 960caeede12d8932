package dev.outboxkit.notificationservice.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Keeps every span the application ends in memory, for tests to look at. quarkus-opentelemetry's default
 * exporter setting ({@code quarkus.otel.traces.exporter=cdi}) hands finished spans to every SpanExporter bean;
 * in tests this is the only one (the OTLP exporter is off in %test).
 */
@ApplicationScoped
public class RecordedSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
