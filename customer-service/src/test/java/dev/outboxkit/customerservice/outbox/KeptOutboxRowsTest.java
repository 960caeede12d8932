package dev.outboxkit.customerservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.contracts.EventType;
import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * With {@code OUTBOX_REMOVE_AFTER_INSERT=false} the outbox row of each event stays in the table, with every column the
 * relay reads, so that a relay whose slot was lost can re-publish from a snapshot (docs/operations.md "Slot lost").
 * The default, that the row is deleted in the transaction that wrote it, is {@link OutboxWalTest}'s.
 */
@QuarkusTest
@TestProfile(KeptOutboxRowsTest.RowsKept.class)
class KeptOutboxRowsTest {

    public static class RowsKept implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.remove-after-insert", "false");
        }
    }

    @Inject
    Database database;

    @BeforeEach
    void signedIn() {
        Identities.actAs(Identities.ALICE);
    }

    @Test
    void theRowOfAnEventStaysWithWhatTheRelayReads() {
        String id = Api.createCustomer("Kept Row", Api.uniqueEmail("kept-row"), null).getString("id");
        try {
            assertThat(database.count("""
                    SELECT count(*) FROM outboxevent
                    WHERE aggregateid = ? AND aggregatetype = ? AND type = ? AND eventid IS NOT NULL
                      AND timestamp IS NOT NULL AND (payload::jsonb ->> 'customerId') = aggregateid""",
                    id, AggregateType.CUSTOMER.wireName(), EventType.CUSTOMER_CREATED.wireName()))
                    .as("the kept row of customer %s's CustomerCreated", id)
                    .isEqualTo(1);
        } finally {
            // Kept rows are what this mode is for; this one would only make other tests' tables less empty.
            database.execute("DELETE FROM outboxevent WHERE aggregateid = '" + id + "'");
        }
    }
}
