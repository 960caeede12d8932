package dev.outboxkit.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.testkit.Identities;

/**
 * The walking skeleton, end to end on real components: a sign-up over REST commits a customer and an
 * outbox row, the Debezium relay publishes the event to Kafka, notification-service consumes it and
 * the welcome email lands in the SMTP server's inbox. Then the ledger's retention runs with a zero window and
 * the consumer is rewound to the start of its topics, as an operator replaying history would do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ServiceProcess customers;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startServices() throws Exception {
        customers = ServiceProcess.start("customer-service", StackEnv.serviceEnv("customer"));
        notifications = ServiceProcess.start("notification-service", StackEnv.serviceEnv("notification"));
    }

    @AfterAll
    static void stopServices() throws Exception {
        if (notifications != null) {
            notifications.close();
        }
        if (customers != null) {
            customers.close();
        }
    }

    @Test
    @Order(1)
    void everySignupGetsExactlyOneWelcomeEmail() throws Exception {
        // The first sign-up pays for the services' warm-up (connections, templates); it is checked like
        // the others but left out of the latency figures, which describe the running system.
        signUpAndAwaitWelcome("Grace Hopper");
        List<Long> latencies = new ArrayList<>();
        for (String name : List.of("Barbara Liskov", "Frances Allen", "Margaret Hamilton", "Radia Perlman", "Adele Goldberg")) {
            latencies.add(signUpAndAwaitWelcome(name));
        }
        Collections.sort(latencies);
        System.out.printf("POST-to-email latency over %d sign-ups: min %d ms, median %d ms, max %d ms%n",
                latencies.size(), latencies.get(0), latencies.get(latencies.size() / 2), latencies.get(latencies.size() - 1));
    }

    @Test
    @Order(2)
    void replayingTheTopicsFromOffsetZeroSendsNothingNew() throws Exception {
        String group = "notification-service";
        try (ConsumerGroup consumer = new ConsumerGroup(StackEnv.env("KAFKA_BOOTSTRAP_SERVERS"), group,
                List.of("customer.events", "organization.events"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumer.lag() == 0);
            int emailsBefore = Mailbox.totalMessages();
            long welcomesBefore = count("SELECT count(*) FROM delivery WHERE kind = 'WELCOME'");
            assertThat(emailsBefore).isPositive();

            // A pruned window first: every sent email is past a zero retention, so the ledger compacts each welcome
            // row and deletes each invoice row (docs/operations.md "Bounded storage"); the replay must still send nothing.
            notifications.close();
            notifications = ServiceProcess.start("notification-service", pruningEverything());
            await().atMost(Duration.ofSeconds(60)).until(() -> uncompactedSentEmails() == 0);
            assertThat(count("SELECT count(*) FROM delivery WHERE kind = 'WELCOME'"))
                    .as("welcome rows are compacted, not deleted").isEqualTo(welcomesBefore);
            long deliveriesBefore = deliveries();

            notifications.close();
            // The broker may need a moment to see the stopped member leave the group.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(consumer::rewindToStart);
            assertThat(consumer.lag()).as("events to replay").isPositive();
            System.out.printf("Replaying %d events from offset 0%n", consumer.lag());
            notifications = ServiceProcess.start("notification-service", pruningEverything());

            await().atMost(Duration.ofSeconds(120)).until(() -> consumer.lag() == 0);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> Mailbox.totalMessages() == emailsBefore);
            assertThat(deliveries()).isEqualTo(deliveriesBefore);
            assertThat(uncompactedSentEmails()).as("no row was written again by the replay").isZero();
        }
    }

    /** notification-service with a zero delivery retention, applied every second. */
    private static Map<String, String> pruningEverything() {
        Map<String, String> env = StackEnv.serviceEnv("notification");
        env.put("DELIVERY_RETENTION", "0s");
        env.put("DELIVERY_PRUNING_INTERVAL", "1s");
        return env;
    }

    private static long uncompactedSentEmails() throws Exception {
        return count("SELECT count(*) FROM delivery WHERE status = 'SENT' AND payload <> ''");
    }

    private static long count(String sql) throws Exception {
        try (Connection db = NotificationDatabase.connect()) {
            return NotificationDatabase.count(db, sql);
        }
    }

    @Test
    @Order(3)
    void twoInstancesShareThePartitionsAndKeepEachCustomersOrder() throws Exception {
        try (ServiceProcess second = ServiceProcess.start("notification-service", StackEnv.serviceEnv("notification"));
                ConsumerGroup consumer = new ConsumerGroup(StackEnv.env("KAFKA_BOOTSTRAP_SERVERS"), "notification-service",
                        List.of("customer.events"))) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<Integer> shares = consumer.partitionsPerMember("customer.events");
                return shares.size() == 2 && shares.stream().allMatch(n -> n >= 1);
            });
            System.out.printf("customer.events partitions per notification-service instance: %s%n",
                    consumer.partitionsPerMember("customer.events"));

            int customers = 12;
            int renames = 3;
            List<String> emails = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                String email = "pair-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                emails.add(email);
                ids.add(post("/customers", "{\"name\":\"Pair " + i + " v0\",\"email\":\"" + email + "\"}")
                        .path("id").asText());
            }
            // Renames interleaved across customers, each customer's in order: v1, v2, v3.
            for (int r = 1; r <= renames; r++) {
                for (int i = 0; i < customers; i++) {
                    put("/customers/" + ids.get(i), "{\"name\":\"Pair " + i + " v" + r + "\",\"email\":\"" + emails.get(i)
                            + "\",\"version\":" + (r - 1) + "}");
                }
            }

            for (int i = 0; i < customers; i++) {
                String email = emails.get(i);
                await().atMost(Duration.ofSeconds(60)).until(() -> new Mailbox(email).messages().size() == 1);
            }
            try (Connection db = NotificationDatabase.connect()) {
                for (int i = 0; i < customers; i++) {
                    String id = ids.get(i);
                    String expected = "Pair " + i + " v" + renames;
                    await().atMost(Duration.ofSeconds(30)).until(() -> expected.equals(NotificationDatabase.customerName(db, id)));
                    assertThat(NotificationDatabase.lastSequence(db, id)).isEqualTo(1 + renames);
                }
            }
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> emails.stream().allMatch(e -> messageCount(e) == 1));
        }
    }

    private static int messageCount(String email) {
        try {
            return new Mailbox(email).messages().size();
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(customers.uri(path)).POST(HttpRequest.BodyPublishers.ofString(json)), 201);
    }

    private static JsonNode put(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(customers.uri(path)).PUT(HttpRequest.BodyPublishers.ofString(json)), 200);
    }

    private static JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(request.header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Identities.token(Identities.ALICE)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return new ObjectMapper().readTree(response.body());
    }

    /** Every email the ledger holds, whatever other tests left there. */
    private static long deliveries() throws Exception {
        try (Connection db = NotificationDatabase.connect()) {
            return NotificationDatabase.deliveryCount(db);
        }
    }

    /** Signs a customer up, waits for the welcome email and returns the POST-to-inbox time in milliseconds. */
    private long signUpAndAwaitWelcome(String name) throws Exception {
        String email = name.toLowerCase().replace(' ', '.') + "-" + UUID.randomUUID().toString().substring(0, 8)
                + "@example.com";
        Mailbox mailbox = new Mailbox(email);

        long postedAt = System.nanoTime();
        HttpResponse<String> created = HTTP.send(
                HttpRequest.newBuilder(customers.uri("/customers"))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + Identities.token(Identities.ALICE))
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        List<Mailbox.Message> received = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                .until(mailbox::messages, messages -> !messages.isEmpty());
        long latencyMillis = (System.nanoTime() - postedAt) / 1_000_000;

        Mailbox.Message welcome = received.get(0);
        assertThat(welcome.subject()).isEqualTo("Welcome, " + name + "!");
        assertThat(welcome.raw()).contains("To: " + email).contains("Hello " + name).contains(email);
        // Give a duplicate every chance to show up: the count must hold at one.
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> mailbox.messages().size() == 1);
        return latencyMillis;
    }
}
