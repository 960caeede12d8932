package dev.outboxkit.customerservice.support;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.outboxkit.testkit.Identities;
import dev.outboxkit.testkit.PublishedEvents;

/**
 * For tests that check what this service published: both of its topics are read from where they
 * stood when the test began, and every record read is checked against its contract when it ends.
 * Requests go out with the back-office user's real token unless a test says otherwise.
 */
public abstract class EventsTest {

    @ConfigProperty(name = "test.kafka.bootstrap.servers")
    String kafka;

    protected PublishedEvents customerEvents;
    protected PublishedEvents organizationEvents;

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    @BeforeEach
    void tailTopics() {
        customerEvents = PublishedEvents.on(kafka, "customer.events");
        organizationEvents = PublishedEvents.on(kafka, "organization.events");
    }

    @AfterEach
    void checkContracts() {
        try {
            customerEvents.close();
        } finally {
            organizationEvents.close();
        }
    }
}
