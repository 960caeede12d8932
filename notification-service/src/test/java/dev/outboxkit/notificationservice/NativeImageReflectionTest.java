package dev.outboxkit.notificationservice;

import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.NativeReflection;

/** A plain JUnit test (no application start): an event, DTO or problem type added without registration fails here. */
class NativeImageReflectionTest {

    @Test
    void registersEveryTypeJacksonReachesByReflection() {
        NativeReflection.assertRegistersWhatJacksonReaches(NativeImageReflection.class);
    }
}
