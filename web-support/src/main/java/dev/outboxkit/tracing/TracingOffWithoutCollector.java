package dev.outboxkit.tracing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing stays off until a collector is named. Without this, a packaged service exports its spans to an
 * OTLP endpoint nobody listens on and logs a failed export every few seconds. Decided each time the service
 * starts ({@code quarkus.otel.sdk.disabled} is read at run time, unlike the exporter's on/off switch), from
 * the environment ({@code OTEL_EXPORTER_OTLP_ENDPOINT} or Quarkus's own endpoint variables) and the system
 * properties. Its ordinal is below application.properties', so a profile there (tests, dev mode) or an
 * explicit {@code QUARKUS_OTEL_SDK_DISABLED} still decides.
 */
public class TracingOffWithoutCollector implements ConfigSource {

    static final String SDK_DISABLED = "quarkus.otel.sdk.disabled";
    private static final List<String> ENDPOINT_VARIABLES = List.of("OTEL_EXPORTER_OTLP_ENDPOINT",
            "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
    private static final List<String> ENDPOINT_PROPERTIES = List.of("quarkus.otel.exporter.otlp.endpoint",
            "quarkus.otel.exporter.otlp.traces.endpoint");

    private final Function<String, String> environment;
    private final Function<String, String> systemProperties;

    public TracingOffWithoutCollector() {
        this(System::getenv, System::getProperty);
    }

    TracingOffWithoutCollector(Function<String, String> environment, Function<String, String> systemProperties) {
        this.environment = environment;
        this.systemProperties = systemProperties;
    }

    @Override
    public String getValue(String propertyName) {
        // Read on every call, never cached: the instance may be created before the process that runs the service.
        return SDK_DISABLED.equals(propertyName) ? String.valueOf(!collectorNamed()) : null;
    }

    private boolean collectorNamed() {
        return ENDPOINT_VARIABLES.stream().map(environment).anyMatch(TracingOffWithoutCollector::present)
                || ENDPOINT_PROPERTIES.stream().map(systemProperties).anyMatch(TracingOffWithoutCollector::present);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public Map<String, String> getProperties() {
        return Map.of(SDK_DISABLED, getValue(SDK_DISABLED));
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(SDK_DISABLED);
    }

    @Override
    public int getOrdinal() {
        return 150;
    }

    @Override
    public String getName() {
        return "TracingOffWithoutCollector";
    }
}
