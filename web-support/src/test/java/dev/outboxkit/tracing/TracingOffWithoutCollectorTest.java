package dev.outboxkit.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TracingOffWithoutCollectorTest {

    private static String sdkDisabled(Map<String, String> environment, Map<String, String> systemProperties) {
        return new TracingOffWithoutCollector(environment::get, systemProperties::get)
                .getValue(TracingOffWithoutCollector.SDK_DISABLED);
    }

    @Test
    void withoutAnEndpointTracingIsOff() {
        assertThat(sdkDisabled(Map.of(), Map.of())).isEqualTo("true");
        assertThat(sdkDisabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", " "), Map.of())).isEqualTo("true");
    }

    @Test
    void anEndpointInTheEnvironmentOrTheSystemPropertiesTurnsItOn() {
        assertThat(sdkDisabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4317"), Map.of())).isEqualTo("false");
        assertThat(sdkDisabled(Map.of("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://collector:4318"), Map.of()))
                .isEqualTo("false");
        assertThat(sdkDisabled(Map.of(), Map.of("quarkus.otel.exporter.otlp.endpoint", "http://collector:4317")))
                .isEqualTo("false");
    }

    @Test
    void itAnswersForTheSdkSwitchOnly() {
        TracingOffWithoutCollector source = new TracingOffWithoutCollector(name -> null, name -> null);
        assertThat(source.getValue("quarkus.otel.exporter.otlp.endpoint")).isNull();
        assertThat(source.getPropertyNames()).containsExactly(TracingOffWithoutCollector.SDK_DISABLED);
        assertThat(source.getOrdinal()).isLessThan(250);
    }
}
