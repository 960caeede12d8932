package dev.outboxkit.customerservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What one event costs in the WAL that the relay decodes: its outbox row is inserted and deleted in the transaction
 * of its change, and nothing else. Read back through a temporary logical replication slot of this test's own
 * (PostgreSQL's test_decoding plugin), which sees exactly what the relay's slot sees. The event itself is checked
 * against its contract when the test ends ({@link EventsTest}).
 */
@QuarkusTest
class OutboxWalTest extends EventsTest {

    @Inject
    DataSource dataSource;

    @Test
    void eachEventIsOneInsertAndOneDeleteOfItsOutboxRowAndNoUpdate() throws SQLException {
        String slot = "outbox_wal_test_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection session = dataSource.getConnection()) {
            // Temporary: dropped with this session, so a failing test leaves no slot holding WAL.
            try (PreparedStatement create = session.prepareStatement(
                    "SELECT pg_create_logical_replication_slot(?, 'test_decoding', true)")) {
                create.setString(1, slot);
                create.execute();
            }

            String id = Api.createCustomer("Wal Probe", Api.uniqueEmail("wal-probe"), null).getString("id");

            List<String> changes = new ArrayList<>();
            try (PreparedStatement read = session.prepareStatement("""
                    SELECT data FROM pg_logical_slot_get_changes(?, NULL, NULL)
                    WHERE data LIKE 'table public.outboxevent:%'""")) {
                read.setString(1, slot);
                try (ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        changes.add(rows.getString(1));
                    }
                }
            }
            List<String> operations = changes.stream()
                    .map(change -> change.substring("table public.outboxevent: ".length(), change.indexOf(':', 26)))
                    .toList();
            assertThat(changes).as("the signup's outbox row").anyMatch(change -> change.contains(id));
            assertThat(operations).as("the outbox changes since the slot was created:%n%s", String.join("\n", changes))
                    .doesNotContain("UPDATE")
                    .containsExactly("INSERT", "DELETE");
        }
    }
}
