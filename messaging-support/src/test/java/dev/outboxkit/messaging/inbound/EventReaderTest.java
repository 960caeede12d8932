package dev.outboxkit.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.contracts.EventType;
import dev.outboxkit.messaging.PoisonMessageException;

class EventReaderTest {

    /** As Quarkus configures it: unknown properties are ignored. */
    private final ObjectMapper mapper = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final EventReader reader = new EventReader(mapper);
    private final String eventId = UUID.randomUUID().toString();
    private final String customerId = UUID.randomUUID().toString();

    @Test
    void aRecordOfAKnownTypeBecomesATypedEvent() {
        ConsumerRecord<String, String> record = record(eventId, "CustomerUpdated", payload().toString());

        InboundEvent event = reader.read(record);

        assertThat(event.id()).isEqualTo(UUID.fromString(eventId));
        assertThat(event.type()).isEqualTo(EventType.CUSTOMER_UPDATED);
        assertThat(event.aggregate()).isEqualTo(AggregateType.CUSTOMER);
        assertThat(event.aggregateId()).isEqualTo(customerId);
        assertThat(event.sequence()).isEqualTo(4);
        assertThat(event.schemaVersion()).isEqualTo(1);
        assertThat(event.payload().get("name").asText()).isEqualTo("Ada");
        assertThat(event.source()).isEqualTo(new InboundEvent.Source("customer.events", customerId, record.value()));
    }

    @Test
    void missingOrUnreadableHeadersArePoison() {
        assertPoison(record(null, "CustomerUpdated", payload().toString()), "Missing header 'id'");
        assertPoison(record(eventId, null, payload().toString()), "Missing header 'eventType'");
        assertPoison(record("not-a-uuid", "CustomerUpdated", payload().toString()), "Header 'id' is not a UUID");
    }

    @Test
    void anUnknownTypeIsPoisonWhateverItCarries() {
        assertPoison(record(eventId, "CustomerTeleported", payload().toString()), "Unknown event type 'CustomerTeleported'");
    }

    @Test
    void aPayloadMissingWhatEveryConsumerReliesOnIsPoison() {
        assertPoison(record(eventId, "CustomerUpdated", "{not json"), "is not a valid CustomerUpdated");
        assertPoison(record(eventId, "CustomerUpdated", "[1, 2]"), "not a JSON object");
        assertPoison(record(eventId, "CustomerUpdated", payload().put("schemaVersion", 2).toString()), "schema version 2");
        assertPoison(record(eventId, "CustomerUpdated", payload().without("schemaVersion").toString()), "schema version -1");
        assertPoison(record(eventId, "CustomerUpdated", payload().without("sequence").toString()), "no valid sequence");
        assertPoison(record(eventId, "CustomerUpdated", payload().put("sequence", "4").toString()), "no valid sequence");
        assertPoison(record(eventId, "CustomerUpdated", payload().put("sequence", 0).toString()), "no valid sequence");
        assertPoison(record(eventId, "CustomerUpdated", payload().without("customerId").toString()), "has no customerId");
        // The aggregate id is the one of the event's own aggregate: an order event names its order.
        assertPoison(record(eventId, "OrderCreated", payload().toString()), "has no orderId");
    }

    @Test
    void aReplayPassesOverPoisonInsteadOfStopping() {
        assertThat(reader.readIfValid(record(eventId, "CustomerTeleported", payload().toString()))).isEmpty();
        assertThat(reader.readIfValid(record(eventId, "CustomerUpdated", payload().toString()))).isPresent();
    }

    @Test
    void aRedrivenDeadLetterIsReadFromItsOriginalTopicAndHeaders() {
        InboundEvent.Source source = new InboundEvent.Source("customer.events", customerId, payload().toString());

        assertThat(reader.read(source, eventId, "CustomerUpdated").type()).isEqualTo(EventType.CUSTOMER_UPDATED);
        assertThatThrownBy(() -> reader.read(source, null, "CustomerUpdated"))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("Missing header 'id'");
    }

    @Test
    void aPayloadThatDoesNotFitItsRecordIsPoison() {
        InboundEvent event = reader.read(record(eventId, "CustomerUpdated", payload().toString()));

        assertThat(reader.payload(event, Named.class).name()).isEqualTo("Ada");
        assertThatThrownBy(() -> reader.payload(event, Numbered.class))
                .isInstanceOf(PoisonMessageException.class).hasMessageContaining("is not a valid CustomerUpdated");
    }

    record Named(String name) {
    }

    record Numbered(int name) {
    }

    private ObjectNode payload() {
        return mapper.createObjectNode()
                .put("eventId", eventId)
                .put("schemaVersion", 1)
                .put("sequence", 4)
                .put("customerId", customerId)
                .put("name", "Ada");
    }

    private ConsumerRecord<String, String> record(String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("customer.events", 0, 7L, customerId, value);
        if (id != null) {
            record.headers().add("id", id.getBytes(StandardCharsets.UTF_8));
        }
        if (type != null) {
            record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        }
        return record;
    }

    private void assertPoison(ConsumerRecord<String, String> record, String reason) {
        assertThatThrownBy(() -> reader.read(record)).isInstanceOf(PoisonMessageException.class).hasMessageContaining(reason);
    }
}
