package dev.outboxkit.notificationservice.support;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Identities;

/**
 * For tests that publish fixtures to the real topics and read the real SMTP server's inboxes. Requests go out
 * with the back-office user's real token unless a test says otherwise.
 */
public abstract class StackTest {

    protected static final Duration TIMEOUT = Duration.ofSeconds(60);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    protected String kafka;

    @ConfigProperty(name = "messaging.dead-letter-topic")
    protected String deadLetterTopic;

    @ConfigProperty(name = "test.greenmail.api.url")
    String greenMail;

    protected Fixtures fixtures;
    protected Inboxes inboxes;

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    @BeforeEach
    void connect() {
        fixtures = new Fixtures(kafka);
        inboxes = new Inboxes(greenMail);
    }

    @AfterEach
    void disconnect() {
        fixtures.close();
    }
}
