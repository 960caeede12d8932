package dev.outboxkit.notificationservice.delivery;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Environment variables: NOTIFICATION_DELIVERY_MAX_ATTEMPTS and so on. */
@ConfigMapping(prefix = "notification.delivery")
public interface DeliveryConfig {

    /** Attempts per email, the first included, before it is dead-lettered. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait before the second attempt; each further wait doubles, up to {@link #maxBackoff()}. */
    @WithDefault("PT2S")
    Duration initialBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /** Each wait is spread by up to this fraction either way, so retries of many emails do not stampede. */
    @WithDefault("0.2")
    double jitter();

    /** How often the dispatcher looks for due emails when nothing wakes it. */
    @WithDefault("PT1S")
    Duration pollInterval();

    /** How long a dispatcher holds an email it is sending before another instance may take it over. */
    @WithDefault("PT2M")
    Duration lease();

    /** The most emails one claim takes from the ledger. */
    @WithDefault("20")
    int batchSize();

    /**
     * Emails sent at the same time, each over its own pooled SMTP connection (quarkus.mailer.max-pool-size
     * follows it). Each SMTP exchange waits on the server for most of its time: the email rate is about
     * senders / the server's time per message (bench/RESULTS.md).
     */
    @WithDefault("16")
    int senders();
}
