package dev.outboxkit.messaging.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.inbound.InboundEvent;

/** What each customer and organization event does to the directory, read from its payload alone. */
class DirectoryChangeTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final UUID customerId = UUID.randomUUID();
    private final UUID organizationId = UUID.randomUUID();

    @Test
    void createdAndUpdatedCustomersCarryTheirFullState() {
        ObjectNode payload = customer().put("organizationId", organizationId.toString()).put("ownerSubject", "ada-sub");

        assertThat(DirectoryChange.of(event(EventType.CUSTOMER_CREATED, payload, 1))).isEqualTo(
                new DirectoryChange.CustomerState(customerId, "Ada", "ada@example.com", organizationId, "ada-sub", 1));
        assertThat(DirectoryChange.of(event(EventType.CUSTOMER_UPDATED, customer(), 2))).as("no organization, no owner")
                .isEqualTo(new DirectoryChange.CustomerState(customerId, "Ada", "ada@example.com", null, null, 2));
    }

    @Test
    void deactivationAndOrganizationEventsChangeWhatTheyName() {
        assertThat(DirectoryChange.of(event(EventType.CUSTOMER_DEACTIVATED, customer(), 3)))
                .isEqualTo(new DirectoryChange.CustomerDeactivated(customerId, 3));
        ObjectNode organization = mapper.createObjectNode().put("organizationId", organizationId.toString()).put("name", "Acme");
        assertThat(DirectoryChange.of(event(EventType.ORGANIZATION_CREATED, organization, 1)))
                .isEqualTo(new DirectoryChange.OrganizationName(organizationId, "Acme", 1));
        assertThat(DirectoryChange.of(event(EventType.ORGANIZATION_RENAMED, organization, 2)))
                .isEqualTo(new DirectoryChange.OrganizationName(organizationId, "Acme", 2));
    }

    @Test
    void aPayloadWithoutWhatTheDirectoryNeedsIsPoisonAndSoIsAnotherAggregatesEvent() {
        assertPoison(event(EventType.CUSTOMER_CREATED, customer().without("email"), 1), "no email");
        assertPoison(event(EventType.CUSTOMER_CREATED, customer().put("organizationId", "acme"), 1), "acme is not a UUID");
        assertPoison(event(EventType.ORDER_CREATED, customer(), 1), "is not a customer or organization event");
    }

    private ObjectNode customer() {
        return mapper.createObjectNode().put("customerId", customerId.toString()).put("name", "Ada")
                .put("email", "ada@example.com").putNull("organizationId");
    }

    private static InboundEvent event(EventType type, ObjectNode payload, long sequence) {
        return new InboundEvent(UUID.randomUUID(), type, "aggregate", sequence, 1, payload,
                new InboundEvent.Source("topic", "key", payload.toString()));
    }

    private static void assertPoison(InboundEvent event, String reason) {
        assertThatThrownBy(() -> DirectoryChange.of(event)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(reason);
    }
}
