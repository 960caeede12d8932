package dev.outboxkit.notificationservice.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.LocalStack;
import dev.outboxkit.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;

/** Stops the stack's real SMTP server (GreenMail) while events arrive. */
@QuarkusTest
class SmtpOutageTest extends StackTest {

    @ConfigProperty(name = "notification.delivery.max-attempts")
    int maxAttempts;

    @AfterEach
    void restoreSmtp() {
        LocalStack.start("greenmail");
    }

    @Test
    void everyCustomerGetsExactlyOneEmailWhenTheMailServerComesBack() {
        LocalStack.stop("greenmail");
        List<ObjectNode> burst = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ObjectNode created = Fixtures.customerCreated(UUID.randomUUID(), "Burst " + i, Fixtures.uniqueEmail("burst-" + i));
            burst.add(created);
            fixtures.publish(created);
        }
        // Every email has failed at least once: the outage was real, and nothing was lost or given up.
        for (ObjectNode created : burst) {
            await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", created.get("eventId").asText())
                    .then().statusCode(200).body("status", equalTo("RETRYING")).body("attempts", greaterThanOrEqualTo(1)));
        }
        given().when().get("/deliveries/missing-welcome?limit=1000")
                .then().body("email", hasItem(burst.get(0).get("email").asText()));

        long restarting = System.nanoTime();
        LocalStack.start("greenmail");
        Duration restart = Duration.ofNanos(System.nanoTime() - restarting);

        for (ObjectNode created : burst) {
            String eventId = created.get("eventId").asText();
            String settled = await().atMost(TIMEOUT).until(() -> deliveryStatus(eventId),
                    status -> status.equals("SENT") || status.equals("DEAD_LETTERED"));
            assertThat(settled).as("GreenMail took %s to restart; the outage must not outlast the attempt budget (%d)",
                    restart, maxAttempts).isEqualTo("SENT");
            // SENT is recorded only after the server accepted the email.
            assertThat(inboxes.count(created.get("email").asText())).isEqualTo(1);
        }
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> burst.stream().allMatch(c -> inboxes.count(c.get("email").asText()) == 1));
    }

    private static String deliveryStatus(String eventId) {
        return given().when().get("/deliveries/{id}", eventId).then().statusCode(200).extract().path("status");
    }

    @Test
    void anEmailOutOfAttemptsIsDeadLetteredAndCanBeRedrivenOnce() {
        LocalStack.stop("greenmail");
        String email = Fixtures.uniqueEmail("given-up");
        ObjectNode created = Fixtures.customerCreated(UUID.randomUUID(), "Given Up", email);
        String eventId = created.get("eventId").asText();

        try (TopicTail deadLetters = TopicTail.open(kafka, deadLetterTopic)) {
            fixtures.publish(created);
            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> eventId.equals(TopicTail.header(r, "id")), TIMEOUT);
            assertThat(dead.key()).isEqualTo(created.get("customerId").asText());
            assertThat(dead.value()).isEqualTo(created.toString());
            assertThat(TopicTail.header(dead, "eventType")).isEqualTo("CustomerCreated");
            assertThat(TopicTail.header(dead, "dead-letter-reason")).startsWith("Gave up after " + maxAttempts + " attempts");
        }
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", eventId)
                .then().body("status", equalTo("DEAD_LETTERED")).body("attempts", equalTo(maxAttempts)));
        given().when().get("/deliveries/missing-welcome?limit=1000").then().body("email", hasItem(email));

        LocalStack.start("greenmail");
        given().when().post("/dead-letters/redrive").then().statusCode(200).body("requeued", greaterThanOrEqualTo(1));

        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", eventId)
                .then().body("status", equalTo("SENT")));
        // A second redrive finds it sent: nothing goes out again.
        given().when().post("/dead-letters/redrive").then().statusCode(200);
        given().when().post("/deliveries/{id}/redrive", eventId).then().statusCode(409);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inboxes.count(email) == 1);
    }
}
