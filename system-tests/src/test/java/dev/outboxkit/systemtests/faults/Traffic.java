package dev.outboxkit.systemtests.faults;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.testkit.Identities;

/**
 * A steady mix of sign-ups, renames, orders and order confirmations (which issue invoices), sent by a few
 * workers as a back-office client would. Half the clients are patient: a sign-up that fails is retried with
 * the same Idempotency-Key, as a client that does not know whether its request committed must do; the
 * others give up at the first failure, which leaves requests that rolled back for good (and some that
 * committed although the client never heard). What clients were told is kept only for the figures; what
 * committed is read from the databases afterwards.
 */
final class Traffic implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PAUSE = Duration.ofMillis(120);
    private static final int SIGN_UP_TRIES = 8;

    /** One sign-up as the client saw it: created (with the id) or given up after every try failed. */
    record SignUp(String email, String name, String customerId, String lastError) {
        boolean created() {
            return customerId != null;
        }
    }

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final Queue<SignUp> signUps = new ConcurrentLinkedQueue<>();
    final LongAdder requests = new LongAdder();
    final LongAdder failedRequests = new LongAdder();
    final LongAdder renames = new LongAdder();
    final LongAdder renameConflicts = new LongAdder();
    final LongAdder ordersPlaced = new LongAdder();
    final LongAdder ordersConfirmed = new LongAdder();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final URI customers;
    private final URI orders;
    private final AtomicInteger next = new AtomicInteger();
    private final List<String> createdIds = new CopyOnWriteArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    Traffic(URI customers, URI orders) {
        this.customers = customers;
        this.orders = orders;
    }

    /** Every address this run signs up ends with this, so the checks find exactly this run's customers. */
    String emailDomain() {
        return "@fault-" + run + ".example.com";
    }

    void start(int workerCount) {
        running = true;
        for (int i = 0; i < workerCount; i++) {
            workers.add(Thread.ofPlatform().name("traffic-" + i).daemon(true).start(this::work));
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        for (Thread worker : workers) {
            worker.join(60_000);
        }
    }

    private void work() {
        while (running) {
            int dice = ThreadLocalRandom.current().nextInt(100);
            try {
                if (createdIds.size() < 5 || dice < 40) {
                    signUp();
                } else if (dice < 75) {
                    rename(any());
                } else {
                    placeOrder(any());
                }
                Thread.sleep(PAUSE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private String any() {
        return createdIds.get(ThreadLocalRandom.current().nextInt(createdIds.size()));
    }

    /** Half the clients are patient (retry with the same key), half give up at the first failure. */
    private void signUp() throws InterruptedException {
        signUp(ThreadLocalRandom.current().nextBoolean() ? SIGN_UP_TRIES : 1);
    }

    /** One sign-up by a client that gives up at the first failure; recorded like the others. */
    void signUpOnce() throws InterruptedException {
        signUp(1);
    }

    private void signUp(int tries) throws InterruptedException {
        int n = next.incrementAndGet();
        String name = "Fault " + run + " " + n;
        String email = "customer-" + n + emailDomain();
        String key = UUID.randomUUID().toString();
        ObjectNode body = JSON.createObjectNode().put("name", name).put("email", email);
        String lastError = null;
        for (int attempt = 1; attempt <= tries && (running || tries == 1); attempt++) {
            Reply reply = send(customers, "POST", "/customers", body, key);
            if (reply.status() == 201) {
                String id = reply.json().path("id").asText();
                createdIds.add(id);
                signUps.add(new SignUp(email, name, id, null));
                return;
            }
            lastError = reply.describe();
            if (reply.status() / 100 == 4) {
                break; // a refusal is final; retrying would only repeat it
            }
            if (attempt < tries) {
                Thread.sleep(Duration.ofSeconds(1));
            }
        }
        signUps.add(new SignUp(email, name, null, lastError));
    }

    private void rename(String customerId) {
        Reply current = send(customers, "GET", "/customers/" + customerId, null, null);
        if (current.status() != 200) {
            return;
        }
        JsonNode customer = current.json();
        ObjectNode body = JSON.createObjectNode()
                .put("name", customer.path("name").asText().replaceAll(" r\\d+$", "") + " r" + next.incrementAndGet())
                .put("email", customer.path("email").asText())
                .put("version", customer.path("version").asLong());
        Reply renamed = send(customers, "PUT", "/customers/" + customerId, body, null);
        if (renamed.status() == 200) {
            renames.increment();
        } else if (renamed.status() == 409) {
            renameConflicts.increment();
        }
    }

    private void placeOrder(String customerId) {
        ObjectNode body = JSON.createObjectNode()
                .put("purchaseOrderNumber", "PO-" + run + "-" + next.incrementAndGet())
                .put("customerId", customerId)
                .put("deliveryDate", LocalDate.now().plusDays(7).toString());
        body.putArray("lines").addObject().put("product", "Fault-tolerant widget").put("quantity", 2)
                .put("unitPrice", new BigDecimal("9.95")); // a JSON number: the API refuses a numeric string
        Reply placed = send(orders, "POST", "/orders", body, null);
        if (placed.status() != 201) {
            return; // e.g. 422 while order-service has not yet seen the customer's CustomerCreated
        }
        ordersPlaced.increment();
        if (ThreadLocalRandom.current().nextBoolean()) {
            Reply confirmed = send(orders, "POST", "/orders/" + placed.json().path("id").asText() + "/confirm", null, null);
            if (confirmed.status() == 200) {
                ordersConfirmed.increment();
            }
        }
    }

    private record Reply(int status, JsonNode json, String error) {
        String describe() {
            return error != null ? error : "HTTP " + status + " " + json;
        }
    }

    private Reply send(URI service, String method, String path, JsonNode body, String idempotencyKey) {
        requests.increment();
        HttpRequest.Builder request = HttpRequest.newBuilder(service.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + Identities.token(Identities.ALICE))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 500) {
                failedRequests.increment();
            }
            JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, null);
        } catch (IOException e) {
            failedRequests.increment();
            return new Reply(0, JSON.nullNode(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, JSON.nullNode(), "interrupted");
        }
    }
}
