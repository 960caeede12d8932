package dev.outboxkit.customerservice.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.Metrics;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The outbox's promise: an event exactly for each committed change, in order, with no gap. */
@QuarkusTest
class TransactionalOutboxTest extends EventsTest {

    private static final String PROBE_NAME = "Rollback Probe";

    @Inject
    Database db;

    @AfterEach
    void dropProbe() {
        db.execute("DROP TRIGGER IF EXISTS fail_at_commit ON customer");
        db.execute("DROP FUNCTION IF EXISTS fail_at_commit()");
    }

    @Test
    void aTransactionThatFailsAtCommitPublishesNothing() {
        // A deferred constraint trigger fails the transaction at COMMIT, after the customer row and the
        // outbox row were both written: the latest point at which a transaction can still roll back.
        db.execute("""
                CREATE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'DELIBERATE test failure (TransactionalOutboxTest rollback probe): failing the transaction at commit; the ERROR lines it causes are expected';
                END $$""");
        db.execute("""
                CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON customer
                DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                WHEN (NEW.name = '%s') EXECUTE FUNCTION fail_at_commit()""".formatted(PROBE_NAME));
        String probeEmail = Api.uniqueEmail("rollback-probe");
        double emittedBefore = Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated");

        given().contentType(ContentType.JSON).body(Map.of("name", PROBE_NAME, "email", probeEmail))
                .when().post("/customers")
                .then().statusCode(500)
                .contentType(startsWith("application/problem+json"));

        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", probeEmail)).isZero();
        assertThat(Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated"))
                .as("an event whose transaction rolled back is not counted as emitted").isEqualTo(emittedBefore);
        String marker = Api.uniqueEmail("after-rollback");
        Api.createCustomer("After Rollback", marker, null);
        customerEvents.awaitEvent(e -> e.raw().contains(marker));
        assertThat(customerEvents.all(Duration.ofSeconds(1))).noneMatch(e -> e.raw().contains(probeEmail));
    }

    @Test
    void concurrentUpdatesOfOneCustomerProduceAGaplessOrderedSequence() throws Exception {
        JsonPath created = Api.createCustomer("Contended", Api.uniqueEmail("contended"), null);
        String id = created.getString("id");
        String email = created.getString("email");
        int writers = 4;
        int updatesEach = 5;

        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<Integer>> conflicts = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            int writer = w;
            conflicts.add(pool.submit(() -> updateRepeatedly(id, email, writer, updatesEach)));
        }
        int totalConflicts = 0;
        for (Future<Integer> c : conflicts) {
            totalConflicts += c.get();
        }
        pool.shutdown();

        int expected = 1 + writers * updatesEach;
        List<Event> events = customerEvents.awaitEvents(id, expected);
        assertThat(events).extracting(Event::sequence)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, expected).boxed().toList());
        assertThat(customerEvents.allFor(id, Duration.ofSeconds(1))).hasSize(expected);
        System.out.printf("%d concurrent updates of one customer: %d optimistic-lock conflicts retried%n",
                writers * updatesEach, totalConflicts);
    }

    /** Updates the customer's name {@code times} times, re-reading and retrying on 409; returns the retries. */
    private static int updateRepeatedly(String id, String email, int writer, int times) {
        int retries = 0;
        for (int i = 0; i < times; i++) {
            while (true) {
                long version = given().when().get("/customers/{id}", id).then().extract().jsonPath().getLong("version");
                int status = given().contentType(ContentType.JSON)
                        .body(Api.customerUpdate("Writer " + writer + " update " + i, email, null, version))
                        .when().put("/customers/{id}", id).then().extract().statusCode();
                if (status == 200) {
                    break;
                }
                assertThat(status).isEqualTo(409);
                retries++;
            }
        }
        return retries;
    }
}
