package dev.outboxkit.outbox.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * A gauge that is on /q/metrics only while it has a value: registered at its first value, removed when the
 * value goes away (no slot, no WAL cap, the database unreadable). A scraper sees a number or no series, never NaN.
 */
final class PresentGauge {

    private final MeterRegistry registry;
    private final Gauge.Builder<PresentGauge> builder;
    private volatile double value;
    private Gauge registered;

    PresentGauge(MeterRegistry registry, String name, String description, String baseUnit, String slot) {
        this.registry = registry;
        this.builder = Gauge.builder(name, this, g -> g.value).description(description).baseUnit(baseUnit)
                .tag("slot", slot).strongReference(true);
    }

    synchronized void set(Number newValue) {
        if (newValue == null) {
            if (registered != null) {
                registry.remove(registered);
                registered = null;
            }
            return;
        }
        value = newValue.doubleValue();
        if (registered == null) {
            registered = builder.register(registry);
        }
    }
}
