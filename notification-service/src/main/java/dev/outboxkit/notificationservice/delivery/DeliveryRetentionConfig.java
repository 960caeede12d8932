package dev.outboxkit.notificationservice.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Environment variables: DELIVERY_RETENTION, DELIVERY_PRUNING_INTERVAL (application.properties). */
@ConfigMapping(prefix = "notification.retention")
public interface DeliveryRetentionConfig {

    /**
     * How long a sent email keeps its full ledger row. After it, an invoice email's row is deleted and a welcome
     * email's row is compacted: kept, without the event it carried, so "did this customer get the welcome email?"
     * still has its answer. Rows not sent (pending, retrying, dead-lettered) are never touched.
     */
    @WithDefault("30d")
    Duration sentEmails();

    /** How often {@link #sentEmails()} is applied: a duration ({@code 5m}), or {@code off} (the scheduler's word for never). */
    @WithDefault("5m")
    String pruningInterval();
}
