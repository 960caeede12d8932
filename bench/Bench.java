// The benchmark's measuring program, run by bench/run with the JDK's source launcher:
//
//   java -cp <kafka-clients, jackson, postgresql jars> bench/Bench.java load   (signup load + latency probes)
//   java -cp ...                                      bench/Bench.java relay  (the polling outbox relay)
//
// Everything is configured through environment variables that bench/run sets; see bench/RESULTS.md.
// It is a measuring tool, not part of the product: one file, no framework.

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

public class Bench {

    static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "relay" -> new PollingRelay().run();
            case "load" -> new Load().run();
            case "signups" -> new Load().burst(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "smtp-proxy" -> SmtpLatencyProxy.run();
            case "jfr-summary" -> { // name=file.jfr ...: summarise recordings again
                for (int i = 1; i < args.length; i++) {
                    String[] kv = args[i].split("=", 2);
                    Profiler.summarise(kv[0], Path.of(kv[1])).forEach(System.out::println);
                }
            }
            default -> {
                System.err.println("usage: Bench.java relay|load|signups N CLIENTS|smtp-proxy|jfr-summary NAME=FILE...");
                System.exit(2);
            }
        }
    }

    static String env(String name, String dflt) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? dflt : v;
    }

    static String env(String name) {
        String v = System.getenv(name);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return v;
    }

    // ---------------------------------------------------------------------------------------------
    // The alternative users would pick: a polling relay. Every POLL_MS it locks the oldest rows of a
    // scratch outbox table (SKIP LOCKED, so several relays could share it), publishes them to Kafka,
    // waits for the acks, deletes the rows and commits. A full batch is followed at once by the next one.
    // ---------------------------------------------------------------------------------------------
    static final class PollingRelay {
        void run() throws Exception {
            String topic = env("POLL_TOPIC", "bench.polling.events");
            long pollMs = Long.parseLong(env("POLL_MS", "100"));
            int batch = Integer.parseInt(env("POLL_BATCH", "500"));
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, env("KAFKA_BOOTSTRAP_SERVERS"));
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "0");
            p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            AtomicBoolean running = new AtomicBoolean(true);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> running.set(false)));
            long published = 0;
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(p);
                    Connection db = DriverManager.getConnection(env("RELAY_JDBC_URL"), env("RELAY_DB_USER"),
                            env("RELAY_DB_PASSWORD"))) {
                db.setAutoCommit(false);
                PreparedStatement select = db.prepareStatement("""
                        SELECT seq, aggregateid, type, payload FROM bench_outbox
                        ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""");
                PreparedStatement delete = db.prepareStatement("DELETE FROM bench_outbox WHERE seq = ANY (?)");
                System.out.printf("polling relay: every %d ms, batches of %d, to %s%n", pollMs, batch, topic);
                while (running.get()) {
                    long started = System.nanoTime();
                    select.setInt(1, batch);
                    List<Long> seqs = new ArrayList<>();
                    List<Future<RecordMetadata>> acks = new ArrayList<>();
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            seqs.add(rs.getLong(1));
                            ProducerRecord<String, String> r = new ProducerRecord<>(topic, rs.getString(2), rs.getString(4));
                            r.headers().add("eventType", rs.getString(3).getBytes(StandardCharsets.UTF_8));
                            acks.add(producer.send(r));
                        }
                    }
                    for (Future<RecordMetadata> ack : acks) {
                        ack.get();
                    }
                    if (!seqs.isEmpty()) {
                        delete.setArray(1, db.createArrayOf("bigint", seqs.toArray()));
                        delete.executeUpdate();
                    }
                    db.commit();
                    published += seqs.size();
                    if (seqs.size() < batch) {
                        long left = pollMs - (System.nanoTime() - started) / 1_000_000;
                        if (left > 0) {
                            Thread.sleep(left);
                        }
                    }
                }
            }
            System.out.printf("polling relay: published %d events%n", published);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The load: signups through customer-service's REST API at increasing concurrency, with probes on
    // both relays' topics and on notification-service's delivery ledger.
    // ---------------------------------------------------------------------------------------------
    static final class Signup {
        final int stage;
        final String email;
        volatile UUID customerId;
        volatile long sentNanos, doneNanos;
        volatile int status;
        volatile Instant commitTs, ledgerAt, emailSentAt;

        Signup(int stage, String email) {
            this.stage = stage;
            this.email = email;
        }
    }

    /** What the probes saw of one customer's CustomerCreated, by customer id. */
    static final class Seen {
        volatile Instant debeziumRecv, debeziumRecordTs, pollingRecv, pollingRecordTs, occurredAt;
    }

    static final class Load {
        final String customerUrl = env("CUSTOMER_URL");
        final String tokenUrl = env("KEYCLOAK_URL") + "/realms/outboxkit/protocol/openid-connect/token";
        final String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS");
        final String pollTopic = env("POLL_TOPIC", "bench.polling.events");
        final boolean polling = !"0".equals(env("BENCH_POLLING", "1"));
        // Stages: "clients" (closed loop: as fast as the service answers) or "clients@rate" (paced, signups/s in total).
        final String[] stages = env("BENCH_STAGES", "1@2,1@4,2@6,2@8,4,16").split(",");
        final int stageSeconds = Integer.parseInt(env("BENCH_STAGE_SECONDS", "15"));
        final String warmup = env("BENCH_WARMUP", "2@4");
        final int warmupSeconds = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "15"));
        final int drainSeconds = Integer.parseInt(env("BENCH_DRAIN_TIMEOUT_SECONDS", "15"));
        final List<Signup> all = java.util.Collections.synchronizedList(new ArrayList<>());
        final Path out = Path.of(env("BENCH_OUT"));
        final String runId = Long.toString(System.currentTimeMillis(), 36);
        final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final Map<UUID, Seen> seen = new ConcurrentHashMap<>();
        final AtomicBoolean consuming = new AtomicBoolean(true);
        final AtomicInteger seq = new AtomicInteger();
        volatile String token;
        volatile long tokenAt;
        final StringBuilder tsv = new StringBuilder();
        // CPU per signup of every component, for the closed-loop stages and with BENCH_CPU_PACED=1 for the paced ones
        // too (see CpuMeter), and a JFR profile of the services during the last closed-loop stage (see Profiler).
        final CpuMeter cpu = new CpuMeter(env("BENCH_COMPONENTS", ""), Double.parseDouble(env("CLK_TCK", "100")),
                "load-generator");
        final int idleSeconds = Integer.parseInt(env("BENCH_IDLE_SECONDS", "5"));
        final int cpuDrainSeconds = Integer.parseInt(env("BENCH_CPU_DRAIN_TIMEOUT_SECONDS", "300"));
        // A paced stage holds the rate, so two builds are compared at the same rate: in a closed loop the rate follows the
        // machine, and a consumer's CPU per event follows the rate (the larger the batches, the cheaper each event).
        final boolean cpuPaced = env("BENCH_CPU_PACED", "0").equals("1");
        final List<String> profiled = List.of(env("BENCH_PROFILE", "").trim().split("\\s+"));
        final StringBuilder cpuMd = new StringBuilder();

        void run() throws Exception {
            refreshToken();
            ensureTopic(pollTopic);
            CountDownLatch assigned = new CountDownLatch(1);
            Thread consumer = Thread.ofPlatform().name("probe").daemon(true).start(() -> consume(assigned));
            assigned.await();
            System.out.printf("warm-up: %d s at %s%n", warmupSeconds, warmup);
            List<Signup> warm = drive(0, warmup, warmupSeconds);
            awaitEmails(warm, 30);
            System.out.println("warm-up done: " + warm.size() + " signups");
            Files.writeString(out.resolve("warm.done"), "");
            tsv.append(String.join("\t", "stage", "ok", "failed", "signups_per_s", "e2e_per_s", "keeps_up",
                    "drain_s", "http_p50", "http_p99", "dbz_p50", "dbz_p95", "dbz_p99", "poll_p50", "poll_p95",
                    "poll_p99", "mail_p50", "mail_p95", "mail_p99", "missing_kafka", "missing_poll", "missing_mail", "ledger_p50",
                    "ledger_p95", "ledger_p99"))
                    .append('\n');
            int lastClosed = -1;
            for (int i = 0; i < stages.length; i++) {
                lastClosed = stages[i].contains("@") ? lastClosed : i;
            }
            for (int i = 0; i < stages.length; i++) {
                String c = stages[i].trim();
                boolean closed = !c.contains("@");
                boolean measured = closed || cpuPaced;
                boolean profile = i == lastClosed && !profiled.get(0).isEmpty();
                System.out.printf("stage %d: %s for %d s%n", i + 1, closed ? c + " clients, closed loop" : paced(c),
                        stageSeconds);
                Map<String, Double> idle = null, cpuFrom = null;
                long idleNanos = 0;
                if (measured) { // the chain's background CPU (heartbeats, pollers, JIT, GC) while nothing is signing up
                    Map<String, Double> idleFrom = cpu.snapshot();
                    long t = System.nanoTime();
                    Thread.sleep(Duration.ofSeconds(idleSeconds));
                    idle = CpuMeter.minus(cpu.snapshot(), idleFrom);
                    idleNanos = System.nanoTime() - t;
                }
                Profiler profiler = new Profiler(out.resolve("jfr"));
                if (profile) {
                    for (String name : profiled) {
                        profiler.start(pidOf(name));
                    }
                }
                String loadAtStart = CpuMeter.loadAverage();
                if (measured) {
                    cpuFrom = cpu.snapshot();
                }
                long stageStart = System.nanoTime();
                Instant stageStartWall = Instant.now();
                List<Signup> list = drive(i + 1, c, stageSeconds);
                all.addAll(list);
                Instant stageEndWall = Instant.now();
                long stageNanos = System.nanoTime() - stageStart;
                // A measured stage's CPU window closes once the chain has done all the work its signups caused:
                // the last email sent (the mail side lags far behind an unpaced stage).
                awaitEmails(list, measured ? cpuDrainSeconds : drainSeconds);
                awaitKafka(list, 10);
                if (measured) {
                    Map<String, Double> used = CpuMeter.minus(cpu.snapshot(), cpuFrom);
                    double window = (System.nanoTime() - stageStart) / 1e9;
                    cpuReport(c, list, used, window, idle, idleNanos / 1e9, loadAtStart, profile);
                }
                if (profile) {
                    cpuMd.append("\n#### JFR profile of the services during stage ").append(c)
                            .append(" (settings=profile; share of each service's CPU samples)\n\n");
                    for (String name : profiled) {
                        Path file = profiler.stop(name, pidOf(name));
                        Profiler.summarise(name, file).forEach(l -> cpuMd.append(l).append('\n'));
                    }
                }
                fillCommitTimestamps(list);
                report(c, list, stageNanos, stageStartWall, stageEndWall);
            }
            consuming.set(false);
            consumer.join(5000);
            Files.writeString(out.resolve("stages.tsv"), tsv);
            Files.writeString(out.resolve("cpu.md"), cpuMd);
            System.out.print(cpuMd);
            checkGreenMail();
        }

        /** N signups from CLIENTS closed-loop clients, nothing measured: a backlog for bench/run's mail phase. */
        void burst(int n, int clients) throws Exception {
            refreshToken();
            AtomicInteger left = new AtomicInteger(n), failed = new AtomicInteger();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < clients; w++) {
                workers.add(Thread.ofPlatform().start(() -> {
                    while (left.getAndDecrement() > 0) {
                        if (signUp(1).customerId == null) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
            for (Thread t : workers) {
                t.join();
            }
            System.out.printf("%d signups, %d failed%n", n - failed.get(), failed.get());
        }

        long pidOf(String component) {
            return cpu.components.stream().filter(x -> x.name().equals(component)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no pid for " + component + " in BENCH_COMPONENTS"))
                    .pid();
        }

        /** "C@R" as words: C clients paced at R signups/s. */
        static String paced(String stage) {
            return stage.replace("@", " clients paced at ") + " signups/s";
        }

        /** The CPU table of one measured stage, into cpu.md. */
        void cpuReport(String c, List<Signup> list, Map<String, Double> used, double window, Map<String, Double> idle,
                double idleSeconds, String loadAtStart, boolean profiling) {
            long ok = list.stream().filter(s -> s.customerId != null).count();
            long mailed = list.stream().filter(s -> s.emailSentAt != null).count();
            cpuMd.append(String.format("""

                    #### CPU per signup, %s

                    Window: the stage's %d s and the wait until its last email was sent, %.1f s in all; %d signups, %d of \
                    their emails sent within it. Load average at its start %s, at its end %s (the machine's, other \
                    work included). JFR recording during it: %s. Idle: the same processes during %.1f s without load \
                    just before; "net" subtracts that background rate over the window.

                    | component | CPU in window (s) | per signup (ms) | idle (ms CPU per s) | per signup, net of idle (ms) |
                    |---|---:|---:|---:|---:|
                    """, c.contains("@") ? paced(c) : "closed loop of " + c + " clients", stageSeconds, window, ok, mailed, loadAtStart, CpuMeter.loadAverage(),
                    profiling ? "yes" : "no", idleSeconds));
            double total = 0, totalIdle = 0;
            for (Map.Entry<String, Double> e : used.entrySet()) {
                double idleRate = idle.getOrDefault(e.getKey(), 0.0) / idleSeconds;
                total += e.getValue();
                totalIdle += idleRate;
                cpuMd.append(cpuRow(e.getKey(), e.getValue(), idleRate, window, ok));
            }
            cpuMd.append(cpuRow("**total**", total, totalIdle, window, ok));
        }

        static String cpuRow(String name, double seconds, double idleRate, double window, long signups) {
            double n = Math.max(1, signups);
            return String.format("| %s | %.2f | %.2f | %.1f | %.2f |%n", name, seconds, 1000 * seconds / n,
                    1000 * idleRate, 1000 * (seconds - idleRate * window) / n);
        }

        void refreshToken() throws Exception {
            String form = "grant_type=password&client_id=outboxkit-cli&username=alice&password="
                    + URLEncoder.encode(env("BENCH_PASSWORD", "alice-dev-only"), StandardCharsets.UTF_8);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("token request: " + r.statusCode() + " " + r.body());
            }
            token = JSON.readTree(r.body()).get("access_token").asText();
            tokenAt = System.nanoTime();
        }

        synchronized void maybeRefreshToken() throws Exception {
            if (System.nanoTime() - tokenAt > Duration.ofSeconds(120).toNanos()) {
                refreshToken();
            }
        }

        void ensureTopic(String topic) throws Exception {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
                if (!admin.listTopics().names().get().contains(topic)) {
                    admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
                }
            }
        }

        void consume(CountDownLatch assigned) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
                List<TopicPartition> parts = new ArrayList<>();
                for (String t : List.of("customer.events", pollTopic)) {
                    for (PartitionInfo info : consumer.partitionsFor(t, Duration.ofSeconds(30))) {
                        parts.add(new TopicPartition(t, info.partition()));
                    }
                }
                consumer.assign(parts);
                consumer.seekToEnd(parts);
                parts.forEach(consumer::position); // resolve the end offsets now, before the load starts
                assigned.countDown();
                while (consuming.get()) {
                    for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                        Instant now = Instant.now();
                        Header type = r.headers().lastHeader("eventType");
                        if (type == null || !"CustomerCreated".equals(new String(type.value(), StandardCharsets.UTF_8))) {
                            continue;
                        }
                        try {
                            JsonNode event = JSON.readTree(r.value());
                            UUID id = UUID.fromString(event.get("customerId").asText());
                            Seen s = seen.computeIfAbsent(id, k -> new Seen());
                            if (r.topic().equals(pollTopic)) {
                                s.pollingRecv = now;
                                s.pollingRecordTs = Instant.ofEpochMilli(r.timestamp());
                            } else {
                                s.debeziumRecv = now;
                                s.debeziumRecordTs = Instant.ofEpochMilli(r.timestamp());
                                s.occurredAt = Instant.parse(event.get("occurredAt").asText());
                            }
                        } catch (Exception e) {
                            System.err.println("probe: unreadable record " + r.topic() + " " + r.value() + ": " + e);
                        }
                    }
                }
            }
        }

        /** `concurrency` closed-loop clients sign up new customers for `seconds`; with BENCH_RATE, paced in total. */
        List<Signup> drive(int stage, String spec, int seconds) throws Exception {
            int concurrency = Integer.parseInt(spec.split("@")[0].trim());
            double rate = spec.contains("@") ? Double.parseDouble(spec.split("@")[1].trim()) : 0;
            List<Signup> done = java.util.Collections.synchronizedList(new ArrayList<>());
            long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
            long start = System.nanoTime();
            AtomicLong issued = new AtomicLong();
            List<Thread> workers = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                workers.add(Thread.ofPlatform().name("client-" + w).start(() -> {
                    while (System.nanoTime() < end) {
                        if (rate > 0) {
                            long n = issued.getAndIncrement();
                            long due = start + (long) (n * 1e9 / rate);
                            long wait = due - System.nanoTime();
                            if (wait > 0) {
                                try {
                                    Thread.sleep(Duration.ofNanos(wait));
                                } catch (InterruptedException e) {
                                    return;
                                }
                            }
                            if (System.nanoTime() >= end) {
                                return;
                            }
                        }
                        done.add(signUp(stage));
                    }
                }));
            }
            for (Thread t : workers) {
                t.join();
            }
            return new ArrayList<>(done);
        }

        Signup signUp(int stage) {
            int n = seq.incrementAndGet();
            Signup s = new Signup(stage, "bench-" + runId + "-" + n + "@bench.local");
            String body = "{\"name\":\"Bench Customer " + n + "\",\"email\":\"" + s.email + "\"}";
            try {
                maybeRefreshToken();
                HttpRequest req = HttpRequest.newBuilder(URI.create(customerUrl + "/customers"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                s.sentNanos = System.nanoTime();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                s.doneNanos = System.nanoTime();
                s.status = r.statusCode();
                if (r.statusCode() == 201) {
                    s.customerId = UUID.fromString(JSON.readTree(r.body()).get("id").asText());
                } else if (stage > 0) {
                    System.err.println("signup: HTTP " + r.statusCode() + " " + r.body());
                }
            } catch (Exception e) {
                s.doneNanos = System.nanoTime();
                s.status = -1;
                System.err.println("signup: " + e);
            }
            return s;
        }

        Connection notificationDb() throws Exception {
            return DriverManager.getConnection(env("NOTIFICATION_JDBC_URL"), env("NOTIFICATION_DB_USER"),
                    env("NOTIFICATION_DB_PASSWORD"));
        }

        /** Polls the delivery ledger until every signup's welcome email is SENT (or the timeout). */
        void awaitEmails(List<Signup> list, int timeoutSeconds) throws Exception {
            Map<UUID, Signup> open = new ConcurrentHashMap<>();
            for (Signup s : list) {
                if (s.customerId != null) {
                    open.put(s.customerId, s);
                }
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            try (Connection db = notificationDb()) {
                PreparedStatement q = db.prepareStatement("""
                        SELECT customer_id, created_at, sent_at FROM delivery
                        WHERE kind = 'WELCOME' AND customer_id = ANY (?)""");
                while (!open.isEmpty() && System.nanoTime() < deadline) {
                    q.setArray(1, db.createArrayOf("uuid", open.keySet().toArray()));
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            UUID id = rs.getObject(1, UUID.class);
                            Signup s = open.get(id);
                            s.ledgerAt = rs.getTimestamp(2).toInstant();
                            if (rs.getTimestamp(3) != null) {
                                s.emailSentAt = rs.getTimestamp(3).toInstant();
                                open.remove(id);
                            }
                        }
                    }
                    if (!open.isEmpty()) {
                        Thread.sleep(250);
                    }
                }
            }
        }

        void awaitKafka(List<Signup> list, int timeoutSeconds) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
            while (System.nanoTime() < deadline) {
                boolean all = true;
                for (Signup s : list) {
                    if (s.customerId == null) {
                        continue;
                    }
                    Seen x = seen.get(s.customerId);
                    if (x == null || x.debeziumRecv == null || (polling && x.pollingRecv == null)) {
                        all = false;
                        break;
                    }
                }
                if (all) {
                    return;
                }
                Thread.sleep(200);
            }
        }

        /** The real commit time of each signup's transaction (track_commit_timestamp = on). */
        void fillCommitTimestamps(List<Signup> list) throws Exception {
            List<UUID> ids = list.stream().filter(s -> s.customerId != null).map(s -> s.customerId).toList();
            Map<UUID, Signup> byId = new ConcurrentHashMap<>();
            list.stream().filter(s -> s.customerId != null).forEach(s -> byId.put(s.customerId, s));
            try (Connection db = DriverManager.getConnection(env("CUSTOMER_JDBC_URL"), env("CUSTOMER_DB_USER"),
                    env("CUSTOMER_DB_PASSWORD"))) {
                PreparedStatement q = db.prepareStatement(
                        "SELECT id, pg_xact_commit_timestamp(xmin) FROM customer WHERE id = ANY (?)");
                q.setArray(1, db.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        Timestamp ts = rs.getTimestamp(2);
                        if (ts != null) {
                            byId.get(rs.getObject(1, UUID.class)).commitTs = ts.toInstant();
                        }
                    }
                }
            }
        }

        void report(String c, List<Signup> list, long stageNanos, Instant stageStart, Instant stageEnd) {
            List<Signup> ok = list.stream().filter(s -> s.customerId != null).toList();
            int failed = list.size() - ok.size();
            double secs = stageNanos / 1e9;
            double rateOk = ok.size() / secs;
            List<Double> http = new ArrayList<>(), dbz = new ArrayList<>(), poll = new ArrayList<>(),
                    mail = new ArrayList<>(), ledger = new ArrayList<>();
            Instant lastMail = null;
            int missingKafka = 0, missingPoll = 0, missingMail = 0;
            for (Signup s : ok) {
                http.add((s.doneNanos - s.sentNanos) / 1e6);
                Instant commit = s.commitTs;
                Seen x = seen.get(s.customerId);
                if (x == null || x.debeziumRecv == null) {
                    missingKafka++;
                } else if (commit != null) {
                    dbz.add(ms(commit, x.debeziumRecv));
                }
                if (polling) {
                    if (x == null || x.pollingRecv == null) {
                        missingPoll++;
                    } else if (commit != null) {
                        poll.add(ms(commit, x.pollingRecv));
                    }
                }
                if (s.ledgerAt != null && commit != null) {
                    ledger.add(ms(commit, s.ledgerAt));
                }
                if (s.emailSentAt == null) {
                    missingMail++;
                } else {
                    if (commit != null) {
                        mail.add(ms(commit, s.emailSentAt));
                    }
                    if (lastMail == null || s.emailSentAt.isAfter(lastMail)) {
                        lastMail = s.emailSentAt;
                    }
                }
            }
            // End to end: signups whose email went out, divided by the time from the stage's start to the
            // last of those emails. The stage "keeps up" when every email was out within 2 s of the stage's
            // end (or 10 % of its length, whichever is more): the mail side did not build a backlog.
            double drain = lastMail == null ? Double.NaN : Math.max(0, ms(stageEnd, lastMail) / 1000);
            double e2e = lastMail == null ? 0 : (ok.size() - missingMail) / (ms(stageStart, lastMail) / 1000);
            boolean keepsUp = missingMail == 0 && failed == 0 && drain <= Math.max(2.0, 0.1 * secs);
            if (missingMail > 0) {
                mail.clear(); // percentiles of only the emails that made it would flatter an overloaded stage
            }
            tsv.append(String.join("\t", c, Integer.toString(ok.size()), Integer.toString(failed),
                    f1(rateOk), f1(e2e), keepsUp ? "yes" : "no", f1(drain), f0(pct(http, 50)), f0(pct(http, 99)),
                    f0(pct(dbz, 50)), f0(pct(dbz, 95)), f0(pct(dbz, 99)), f0(pct(poll, 50)), f0(pct(poll, 95)),
                    f0(pct(poll, 99)), f0(pct(mail, 50)), f0(pct(mail, 95)), f0(pct(mail, 99)),
                    Integer.toString(missingKafka), Integer.toString(missingPoll), Integer.toString(missingMail),
                    f0(pct(ledger, 50)), f0(pct(ledger, 95)), f0(pct(ledger, 99)))).append('\n');
            System.out.printf("  %d signups (%d failed) = %.1f/s; end to end %.1f/s, backlog drained %.1f s after the"
                    + " stage; keeps up: %s%n", ok.size(), failed, rateOk, e2e, drain, keepsUp ? "yes" : "no");
            System.out.printf("  ms p50/p95/p99: HTTP %s/%s/%s, commit->Kafka Debezium %s/%s/%s, polling %s/%s/%s,"
                    + " commit->ledger %s/%s/%s, commit->email %s/%s/%s%n", f0(pct(http, 50)), f0(pct(http, 95)), f0(pct(http, 99)),
                    f0(pct(dbz, 50)), f0(pct(dbz, 95)), f0(pct(dbz, 99)), f0(pct(poll, 50)), f0(pct(poll, 95)),
                    f0(pct(poll, 99)), f0(pct(ledger, 50)), f0(pct(ledger, 95)), f0(pct(ledger, 99)),
                    f0(pct(mail, 50)), f0(pct(mail, 95)), f0(pct(mail, 99)));
            if (missingKafka + missingPoll + missingMail > 0) {
                System.out.printf("  missing: %d on customer.events, %d on the polling topic, %d emails not sent"
                        + " within the drain timeout%n",
                        missingKafka, missingPoll, missingMail);
            }
        }

        /** A sample of the ledger's SENT emails really is in GreenMail. */
        void checkGreenMail() throws Exception {
            String api = env("GREENMAIL_API_URL");
            int checked = 0, found = 0;
            List<Signup> sent = all.stream().filter(s -> s.emailSentAt != null).toList();
            for (int n = 0; n < sent.size(); n += Math.max(1, sent.size() / 20)) {
                String email = sent.get(n).email;
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/api/user/"
                        + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/")).build(),
                        HttpResponse.BodyHandlers.ofString());
                checked++;
                if (r.statusCode() == 200 && JSON.readTree(r.body()).size() == 1) {
                    found++;
                }
            }
            System.out.printf("GreenMail: %d of %d sampled signups have exactly one email in their inbox%n", found, checked);
            Files.writeString(out.resolve("greenmail.txt"), found + " of " + checked);
        }

        static double ms(Instant from, Instant to) {
            return Duration.between(from, to).toNanos() / 1e6;
        }

        static double pct(Collection<Double> values, double p) {
            if (values.isEmpty()) {
                return Double.NaN;
            }
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            int i = (int) Math.ceil(p / 100.0 * v.length) - 1;
            return v[Math.max(0, Math.min(v.length - 1, i))];
        }

        static String f0(double d) {
            return Double.isNaN(d) ? "-" : String.format("%.0f", d);
        }

        static String f1(double d) {
            return Double.isNaN(d) ? "-" : String.format("%.1f", d);
        }
    }
}
