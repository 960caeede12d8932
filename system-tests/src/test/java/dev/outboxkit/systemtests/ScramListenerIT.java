package dev.outboxkit.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.testkit.Identities;

/**
 * Kafka security is configured once, as KAFKA_* environment variables, and every Kafka client of the services
 * follows it: the channels, the consumer-lag monitor's admin client, the dead-letter redrive and the read-model
 * rebuild. order-service and notification-service run here against the local stack's SASL/SCRAM-SHA-512 listener
 * only (KAFKA_SCRAM_PORT), the authentication a Strimzi production listener asks for.
 */
class ScramListenerIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServiceProcess customers;
    private static ServiceProcess orders;
    private static ServiceProcess notifications;

    @BeforeAll
    static void startServicesOnTheScramListener() throws Exception {
        customers = ServiceProcess.start("customer-service", StackEnv.serviceEnv("customer"));
        orders = ServiceProcess.start("order-service", "order-service-scram", scram(StackEnv.serviceEnv("orders")));
        notifications = ServiceProcess.start("notification-service", "notification-service-scram",
                scram(StackEnv.serviceEnv("notification")));
    }

    @AfterAll
    static void stopServices() throws Exception {
        for (ServiceProcess service : new ServiceProcess[] {notifications, orders, customers}) {
            if (service != null) {
                service.close();
            }
        }
    }

    /** The service's environment with Kafka reached only through the SCRAM listener, as a user would set it. */
    private static Map<String, String> scram(Map<String, String> env) {
        env.put("KAFKA_BOOTSTRAP_SERVERS", StackEnv.env("KAFKA_SCRAM_BOOTSTRAP_SERVERS"));
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + StackEnv.env("KAFKA_SCRAM_USER") + "\" password=\"" + StackEnv.env("KAFKA_SCRAM_PASSWORD") + "\";");
        return env;
    }

    @Test
    void theListenerRefusesAClientWithoutCredentials() {
        try (Admin anonymous = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, StackEnv.env("KAFKA_SCRAM_BOOTSTRAP_SERVERS"),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 4000))) {
            assertThatThrownBy(() -> anonymous.describeCluster().clusterId().get(10, TimeUnit.SECONDS))
                    .as("a PLAINTEXT client on the SCRAM listener").isNotNull();
        }
    }

    @Test
    void theChannelsTheLagMonitorTheRedriveAndTheRebuildAllWorkThroughScram() throws Exception {
        // The channels: a signup's welcome email (notification-service) and an order for the new customer, which
        // order-service accepts once it has consumed her CustomerCreated.
        String email = "scram-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String customerId = send(customers, "POST", "/customers",
                "{\"name\":\"Ada Scram\",\"email\":\"" + email + "\"}", 201).path("id").asText();
        await().atMost(Duration.ofSeconds(60)).until(() -> new Mailbox(email).messages().size() == 1);
        String order = "{\"purchaseOrderNumber\":\"PO-SCRAM-" + UUID.randomUUID().toString().substring(0, 8)
                + "\",\"customerId\":\"" + customerId + "\",\"deliveryDate\":\"" + LocalDate.now().plusDays(7)
                + "\",\"lines\":[{\"product\":\"Difference engine\",\"quantity\":1,\"unitPrice\":100.00}]}";
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> send(orders, "POST", "/orders", order, 201) != null);

        // The lag monitors' admin clients: each group's lag is read (an unreadable lag shows as -1 and DOWN).
        JsonNode notificationLag = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> health(notifications, "/q/health/group/consumers"), h -> h.path("status").asText().equals("UP"));
        assertThat(notificationLag.path("checks").get(0).path("data").path("notification-service").asLong()).isNotNegative();
        JsonNode orderLag = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> health(orders, "/q/health/group/consumers"), h -> h.path("status").asText().equals("UP"));
        assertThat(orderLag.path("checks").get(0).path("data").path("order-service").asLong()).isNotNegative();

        // The replays: the dead-letter redrive reads its topic, the rebuild reads every event topic from offset 0.
        assertThat(send(notifications, "POST", "/dead-letters/redrive", "", 200).has("examined")).isTrue();
        JsonNode rebuilt = send(orders, "POST", "/admin/read-model/rebuild", "", 200);
        assertThat(rebuilt.path("customerEvents").asLong()).as("customer events replayed through SCRAM").isPositive();
        send(orders, "GET", "/customers/" + customerId + "/orders", null, 200);
    }

    private static JsonNode health(ServiceProcess service, String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(service.uri(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static JsonNode send(ServiceProcess service, String method, String path, String json, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path))
                .header("Authorization", "Bearer " + Identities.token(Identities.ALICE))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
    }
}
