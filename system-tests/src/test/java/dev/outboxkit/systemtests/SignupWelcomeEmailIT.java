package dev.outboxkit.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton, end to end on real components: a sign-up over REST commits a customer and an
 * outbox row, the Debezium relay publishes the event to Kafka, notification-service consumes it and
 * the welcome email lands in the SMTP server's inbox.
 */
class SignupWelcomeEmailIT {

    private static ServiceProcess customers;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startServices() throws Exception {
        customers = ServiceProcess.start("customer-service", LocalStack.serviceEnv("customer"));
        notifications = ServiceProcess.start("notification-service", LocalStack.serviceEnv("notification"));
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
    void signupSendsExactlyOneWelcomeEmail() throws Exception {
        String name = "Grace Hopper";
        String email = "grace-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Mailbox mailbox = new Mailbox(email);

        long postedAt = System.nanoTime();
        HttpResponse<String> created = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(customers.uri("/customers"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\":\"" + name + "\",\"email\":\"" + email + "\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        List<Mailbox.Message> received = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(25))
                .until(mailbox::messages, messages -> !messages.isEmpty());
        long latencyMillis = (System.nanoTime() - postedAt) / 1_000_000;
        System.out.printf("POST-to-email latency: %d ms (POST /customers to the welcome email in the SMTP inbox)%n",
                latencyMillis);

        Mailbox.Message welcome = received.get(0);
        assertThat(welcome.subject()).isEqualTo("Welcome, " + name + "!");
        assertThat(welcome.raw()).contains("To: " + email).contains("Hello " + name).contains(email);

        // Give a duplicate every chance to show up: the count must hold at one for two seconds.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> mailbox.messages().size() == 1);
    }
}
