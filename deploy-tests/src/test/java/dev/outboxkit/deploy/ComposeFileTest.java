package dev.outboxkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * docker-compose.yml is valid Compose, and keeps the promises the README makes about it: every long-running
 * container reports its health, the services start only after what they need is healthy or done, PostgreSQL
 * decodes logically, the relay is configured from src-deploy/ and nothing listens beyond 127.0.0.1.
 *
 * <p>Two validators, because neither catches everything: Debian's {@code docker-compose} 1.29.2
 * ({@code config -q}: interpolation, references to undefined services and volumes, the schema it knows) and
 * the npm package {@code dclint} (the current Compose Specification schema, as Docker Compose v2 reads it,
 * plus lint rules such as ports without an interface). CI installs both: {@code apt-get install -y
 * docker-compose} and {@code npm install -g dclint@3.1.0}. Neither needs a Docker engine.
 */
class ComposeFileTest {

    private static final String COMPOSE_INSTALL = "apt-get install -y docker-compose";
    private static final String DCLINT_INSTALL = "npm install -g dclint@3.1.0";

    /**
     * Long-running containers whose image has nothing to probe with (distroless), so nothing may wait for them: the
     * OpenTelemetry Collector (Kubernetes probes its health endpoint over HTTP instead).
     */
    private static final Set<String> UNPROBEABLE = Set.of("otel-collector");

    /** The application services and what each must wait for (name -> condition). */
    private static final Map<String, Map<String, String>> APP_DEPENDENCIES = Map.of(
            "customer-service", Map.of(
                    "postgres", "service_healthy",
                    "db-init", "service_completed_successfully",
                    "connect", "service_healthy",
                    "connect-init", "service_completed_successfully",
                    "keycloak", "service_healthy"),
            "order-service", Map.of(
                    "postgres", "service_healthy",
                    "db-init", "service_completed_successfully",
                    "kafka", "service_healthy",
                    "topic-init", "service_completed_successfully",
                    "connect", "service_healthy",
                    "connect-init", "service_completed_successfully",
                    "keycloak", "service_healthy"),
            "notification-service", Map.of(
                    "postgres", "service_healthy",
                    "db-init", "service_completed_successfully",
                    "kafka", "service_healthy",
                    "topic-init", "service_completed_successfully",
                    "mailpit", "service_healthy",
                    "keycloak", "service_healthy"));

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");

    private static Path root;
    private static Path composeFile;
    private static JsonNode services;

    @BeforeAll
    static void readComposeFile() throws IOException {
        root = Repo.root();
        composeFile = root.resolve("docker-compose.yml");
        assertThat(composeFile).as("docker-compose.yml at the repository root").isRegularFile();
        JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(composeFile.toFile());
        services = compose.path("services");
        assertThat(services.isObject()).as("docker-compose.yml has services").isTrue();
    }

    @Test
    void isValidForDockerCompose() {
        Result result = run(COMPOSE_INSTALL, "docker-compose", "-f", composeFile.toString(), "config", "-q");
        assertThat(result.exitCode())
                .as("docker-compose config -q (%s) found problems:%n%s",
                        version("docker-compose", "version", "--short"), result.output())
                .isZero();
    }

    /**
     * docker-compose.native.yml swaps each service's JVM image for its native executable: together with the main
     * file it is valid Compose, and it builds every service from the repository root with the one multi-stage
     * Dockerfile, named by a build argument, and with an explicit native heap.
     */
    @Test
    void theNativeOverrideIsValidAndBuildsEachServiceWithTheMultiStageDockerfile() throws IOException {
        Path override = root.resolve("docker-compose.native.yml");
        Result result = run(COMPOSE_INSTALL, "docker-compose", "-f", composeFile.toString(), "-f", override.toString(),
                "config");
        assertThat(result.exitCode()).as("docker-compose config with the native override:%n%s", result.output())
                .isZero();
        JsonNode overridden = new ObjectMapper(new YAMLFactory()).readTree(override.toFile()).path("services");
        assertThat(overridden.properties().stream().map(Map.Entry::getKey).toList())
                .containsExactlyInAnyOrderElementsOf(APP_DEPENDENCIES.keySet());
        // What Compose makes of the two files together (the override shares one block through a YAML merge key).
        JsonNode merged = new ObjectMapper(new YAMLFactory()).readTree(result.output()).path("services");
        for (String service : APP_DEPENDENCIES.keySet()) {
            JsonNode build = merged.path(service).path("build");
            assertThat(Path.of(build.path("context").asText()).normalize()).as(service).isEqualTo(root);
            assertThat(root.resolve(build.path("dockerfile").asText()))
                    .isEqualTo(root.resolve("src-deploy/docker/Dockerfile.native")).isRegularFile();
            assertThat(build.path("args").path("SERVICE").asText()).as(service + " SERVICE").isEqualTo(service);
            assertThat(strings(merged.path(service).path("command"))).as(service + " native heap")
                    .anyMatch(arg -> arg.matches("-Xmx\\d+m"));
        }
    }

    @Test
    void isValidComposeSpecificationAndPassesTheLinter() {
        // Two style rules are off: a top-level `name` would make the file invalid for docker-compose 1.29, and the
        // services are listed in start-up order, which reads better than alphabetical order.
        Result result = run(DCLINT_INSTALL, "dclint", composeFile.toString(), "--color=false", "--max-warnings", "0",
                "--disable-rule", "require-project-name-field", "services-alphabetical-order");
        assertThat(result.exitCode())
                .as("dclint %s found problems:%n%s", version("dclint", "--version"), result.output())
                .isZero();
    }

    @Test
    void everyLongRunningContainerHasAHealthCheck() {
        for (String name : UNPROBEABLE) {
            assertThat(services.path(name).path("healthcheck").path("disable").asBoolean())
                    .as("%s says that it has no health check", name).isTrue();
            assertThat(serviceNames()).allSatisfy(other -> assertThat(services.path(other).path("depends_on").has(name))
                    .as("%s cannot wait for %s, which has no health check", other, name).isFalse());
        }
        Set<String> oneShots = oneShotServices();
        assertThat(oneShots).as("init jobs").contains("db-init", "topic-init", "connect-init");
        for (String name : serviceNames()) {
            if (oneShots.contains(name) || UNPROBEABLE.contains(name)) {
                continue;
            }
            assertThat(services.path(name).path("healthcheck").path("test").isArray())
                    .as("service %s has a healthcheck with a test", name).isTrue();
        }
        // A service_healthy condition on a container without a health check can never be met.
        for (String name : serviceNames()) {
            services.path(name).path("depends_on").properties().forEach(dependency -> {
                if ("service_healthy".equals(dependency.getValue().path("condition").asText())) {
                    assertThat(services.path(dependency.getKey()).has("healthcheck"))
                            .as("%s waits for %s to be healthy, so %s needs a healthcheck", name, dependency.getKey(),
                                    dependency.getKey())
                            .isTrue();
                }
            });
        }
    }

    /** A crashed relay, broker or service comes back by itself, as it would under Kubernetes. */
    @Test
    void everyLongRunningContainerRestartsAfterACrash() {
        Set<String> oneShots = oneShotServices();
        for (String name : serviceNames()) {
            if (!oneShots.contains(name)) {
                assertThat(services.path(name).path("restart").asText()).as("restart policy of %s", name)
                        .isIn("unless-stopped", "always", "on-failure");
            }
        }
    }

    /** As in the local stack and on Kubernetes: the rebuild replays every topic from offset 0. */
    @Test
    void theTopicsAreCreatedToBeKeptForever() throws IOException {
        assertThat(String.join(" ", strings(services.path("topic-init").path("command"))))
                .contains("--config retention.ms=-1");
        assertThat(Files.readString(root.resolve("src-deploy/stack")))
                .contains("TOPIC_RETENTION_MS=\"${TOPIC_RETENTION_MS:--1}\"", "\"%s:$TOPIC_PARTITIONS:$TOPIC_RETENTION_MS\\n\" $TOPICS",
                        "--config \"retention.ms=$retention\"");
    }

    /** As in the local stack: each connector's heartbeat topic, named from its configuration, is made beforehand. */
    @Test
    void eachConnectorsHeartbeatTopicIsCreatedBeforeTheRelayStarts() throws IOException {
        String command = String.join(" ", strings(services.path("topic-init").path("command")));
        try (Stream<Path> connectors = Files.list(root.resolve("src-deploy/debezium"))) {
            List<Path> files = connectors.filter(f -> f.toString().endsWith(".json")).toList();
            assertThat(files).isNotEmpty();
            for (Path file : files) {
                String prefix = new ObjectMapper().readTree(file.toFile()).path("topic.prefix").asText();
                assertThat(prefix).as("%s names its topic.prefix", file).isNotEmpty();
                assertThat(command).as("topic-init creates %s's heartbeat topic", file.getFileName())
                        .contains("__debezium-heartbeat." + prefix);
            }
        }
    }

    @Test
    void postgresIsTheMajorVersionEverythingElseIsTestedOn() {
        String major = Repo.testedPostgresMajor();
        for (String name : serviceNames()) {
            String image = services.path(name).path("image").asText();
            if (image.startsWith("postgres:")) {
                assertThat(image).as("%s runs PostgreSQL %s, like the local stack and CI", name, major)
                        .startsWith("postgres:" + major);
            }
        }
        assertThat(services.path("postgres").path("image").asText()).startsWith("postgres:");
    }

    @Test
    void servicesStartOnlyAfterWhatTheyNeedIsHealthyOrDone() {
        APP_DEPENDENCIES.forEach((service, expected) -> {
            JsonNode dependsOn = services.path(service).path("depends_on");
            assertThat(dependsOn.isObject()).as("%s declares depends_on with conditions", service).isTrue();
            expected.forEach((dependency, condition) -> assertThat(
                    dependsOn.path(dependency).path("condition").asText())
                    .as("%s depends on %s with condition %s", service, dependency, condition)
                    .isEqualTo(condition));
        });
        assertThat(condition("connect-init", "connect")).isEqualTo("service_healthy");
        assertThat(condition("connect-init", "db-init"))
                .as("the outbox tables exist before the connectors start (filtered publication)")
                .isEqualTo("service_completed_successfully");
        assertThat(condition("connect-init", "topic-init"))
                .as("each connector's heartbeat topic exists before the connectors start")
                .isEqualTo("service_completed_successfully");
        assertThat(condition("topic-init", "kafka")).isEqualTo("service_healthy");
        assertThat(condition("db-init", "postgres")).isEqualTo("service_healthy");
    }

    @Test
    void postgresDecodesLogically() {
        List<String> command = strings(services.path("postgres").path("command"));
        int setting = command.indexOf("wal_level=logical");
        assertThat(setting).as("postgres command %s sets wal_level=logical", command).isPositive();
        assertThat(command.get(setting - 1)).isEqualTo("-c");
    }

    @Test
    void databaseSetupRunsEveryScriptOfSrcDeploy() throws IOException {
        JsonNode init = services.path("db-init");
        String mountTarget = mountTarget(init, root.resolve("src-deploy/postgres"));
        String script = String.join("\n", strings(init.path("command")));
        try (Stream<Path> files = Files.list(root.resolve("src-deploy/postgres"))) {
            List<Path> sql = files.filter(f -> f.toString().endsWith(".sql")).sorted().toList();
            assertThat(sql).isNotEmpty();
            for (Path file : sql) {
                assertThat(script).as("db-init runs %s", file.getFileName())
                        .contains(mountTarget + "/" + file.getFileName());
            }
        }
        assertThat(script).as("db-init runs the outbox migrations").contains(mountTarget + "/outbox/V*__*.sql");
    }

    @Test
    void connectorsAreRegisteredFromSrcDeploy() throws IOException {
        JsonNode init = services.path("connect-init");
        String mountTarget = mountTarget(init, root.resolve("src-deploy/debezium"));
        String script = String.join("\n", strings(init.path("command")));
        assertThat(script).as("connect-init PUTs every connector file")
                .contains(mountTarget + "/*.json", "-X PUT", "http://connect:8083/connectors/");

        // The connector files name hosts and credentials as ${env:NAME}: the worker resolves them, so it must
        // have the env config provider and every variable they use.
        JsonNode connect = services.path("connect").path("environment");
        assertThat(connect.path("CONNECT_CONFIG_PROVIDERS").asText()).isEqualTo("env");
        assertThat(connect.path("CONNECT_EXACTLY_ONCE_SOURCE_SUPPORT").asText())
                .as("exactly-once source on by default, as in the local stack").isEqualTo("${RELAY_EXACTLY_ONCE:-enabled}");
        assertThat(connect.path("CONNECT_CONFIG_PROVIDERS_ENV_CLASS").asText())
                .isEqualTo("org.apache.kafka.common.config.provider.EnvVarConfigProvider");
        try (Stream<Path> files = Files.list(root.resolve("src-deploy/debezium"))) {
            List<Path> connectors = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            assertThat(connectors).isNotEmpty();
            for (Path file : connectors) {
                Matcher placeholder = ENV_PLACEHOLDER.matcher(Files.readString(file));
                while (placeholder.find()) {
                    assertThat(connect.has(placeholder.group(1)))
                            .as("%s uses ${env:%s}, which the connect service must set", file.getFileName(),
                                    placeholder.group(1))
                            .isTrue();
                }
            }
        }
    }

    @Test
    void portsArePublishedOnLoopbackOnly() {
        for (String name : serviceNames()) {
            for (JsonNode port : services.path(name).path("ports")) {
                String hostIp = port.isTextual() ? port.asText() : port.path("host_ip").asText();
                assertThat(hostIp).as("a port of %s: %s", name, port).startsWith("127.0.0.1");
            }
        }
    }

    @Test
    void keycloakImportsTheRealmAndIssuesTokensTheServicesAccept() throws IOException {
        JsonNode keycloak = services.path("keycloak");
        Path realmFile = root.resolve("src-deploy/keycloak/outboxkit-realm.json");
        assertThat(mountTarget(keycloak, realmFile)).startsWith("/opt/keycloak/data/import/");
        assertThat(strings(keycloak.path("command"))).contains("--import-realm");
        String realm = new ObjectMapper().readTree(realmFile.toFile()).path("realm").asText();

        // Frontend URL fixed (the tokens' issuer), backchannel at whatever address the caller used.
        JsonNode environment = keycloak.path("environment");
        String published = strings(keycloak.path("ports")).stream().filter(p -> p.endsWith(":8080")).findFirst()
                .orElseThrow(() -> new AssertionError("keycloak publishes its port 8080"));
        String hostPort = published.split(":")[1];
        assertThat(environment.path("KC_HOSTNAME").asText()).isEqualTo("http://localhost:" + hostPort);
        assertThat(environment.path("KC_HOSTNAME_BACKCHANNEL_DYNAMIC").asText()).isEqualTo("true");
        for (String service : List.of("customer-service", "order-service")) {
            assertThat(services.path(service).path("environment").path("OIDC_AUTH_SERVER_URL").asText())
                    .as("%s reaches the realm inside the Compose network", service)
                    .isEqualTo("http://keycloak:8080/realms/" + realm);
        }
    }

    @Test
    void servicesAreBuiltFromTheirDockerfileAndListenWhereTheyArePublishedAndChecked() {
        for (String service : APP_DEPENDENCIES.keySet()) {
            JsonNode definition = services.path(service);
            Path context = root.resolve(definition.path("build").path("context").asText()).normalize();
            assertThat(context).isEqualTo(root.resolve(service));
            assertThat(context.resolve(definition.path("build").path("dockerfile").asText()))
                    .isEqualTo(context.resolve("src/main/docker/Dockerfile.jvm"))
                    .isRegularFile();
            String port = definition.path("environment").path("HTTP_PORT").asText();
            assertThat(strings(definition.path("ports"))).as("%s publishes its HTTP_PORT", service)
                    .contains("127.0.0.1:" + port + ":" + port);
            assertThat(String.join(" ", strings(definition.path("healthcheck").path("test"))))
                    .as("%s checks readiness on its own port", service)
                    .contains("/dev/tcp/127.0.0.1/" + port, "/q/health/ready");
        }
    }

    @Test
    void servicesGetEveryVariableThatHasNoDefaultInProduction() throws IOException {
        for (String service : APP_DEPENDENCIES.keySet()) {
            JsonNode environment = services.path(service).path("environment");
            for (String variable : ProdConfiguration.variablesWithoutDefault(service)) {
                assertThat(environment.has(variable))
                        .as("%s has no default for %s in the prod profile, so docker-compose.yml must set it", service,
                                variable)
                        .isTrue();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * Services something waits for with service_completed_successfully: init jobs that run and exit. It is also
     * how {@code docker compose up --wait} tells them apart; an init job nothing adopts this way would make it fail.
     */
    private static Set<String> oneShotServices() {
        Set<String> oneShots = new TreeSet<>();
        for (String name : serviceNames()) {
            services.path(name).path("depends_on").properties().forEach(dependency -> {
                if ("service_completed_successfully".equals(dependency.getValue().path("condition").asText())) {
                    oneShots.add(dependency.getKey());
                }
            });
        }
        return oneShots;
    }

    private static List<String> serviceNames() {
        List<String> names = new ArrayList<>();
        services.properties().forEach(service -> names.add(service.getKey()));
        return names;
    }

    private static String condition(String service, String dependency) {
        return services.path(service).path("depends_on").path(dependency).path("condition").asText();
    }

    /** Where {@code service} mounts {@code source} (a bind mount, short syntax {@code ./path:/target[:ro]}). */
    private static String mountTarget(JsonNode service, Path source) {
        for (String volume : strings(service.path("volumes"))) {
            String[] parts = volume.split(":");
            if (parts.length >= 2 && parts[0].startsWith(".") && root.resolve(parts[0]).normalize().equals(source)) {
                return parts[1];
            }
        }
        return fail("no bind mount of %s in %s", root.relativize(source), service.path("volumes"));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        }
        node.forEach(element -> values.add(element.asText()));
        return values;
    }

    private record Result(int exitCode, String output) {
    }

    private static String version(String... command) {
        Result result = run(null, command);
        return result.output().strip();
    }

    /** Runs a validator from the repository root; a missing tool fails the test with how to install it. */
    private static Result run(String install, String... command) {
        try {
            Path output = Files.createTempFile("compose-validator", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            // A developer's COMPOSE_FILE or COMPOSE_PROJECT_NAME must not change what is validated.
            builder.environment().keySet().removeIf(key -> key.startsWith("COMPOSE_"));
            try {
                Process process = builder.start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return fail("%s did not finish within 120 s", String.join(" ", command));
                }
                return new Result(process.exitValue(), Files.readString(output));
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            if (install == null) {
                return new Result(-1, "unknown version");
            }
            return fail("'%s' is not installed (%s). Install it with: %s", command[0], e.getMessage(), install);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted while running %s", command[0]);
        }
    }
}
