package dev.outboxkit.systemtests;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One packaged service (target/quarkus-app) running as its own process in the prod profile, as a
 * user would run it, against the local stack named by the environment (src-deploy/stack.env).
 */
public final class ServiceProcess implements AutoCloseable {

    /** SERVICE_START_TIMEOUT, in seconds (90), as for ./system up: a busy shared machine can need minutes per start. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.parseLong(System.getenv().getOrDefault("SERVICE_START_TIMEOUT", "90")));

    private final String name;
    private final Process process;
    private final Path log;
    private final int port;

    private ServiceProcess(String name, Process process, Path log, int port) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.port = port;
    }

    public static ServiceProcess start(String module, Map<String, String> env) throws IOException, InterruptedException {
        return start(module, module, env);
    }

    /** @param instance names this process's log (target/{instance}.log), when a module runs more than once */
    public static ServiceProcess start(String module, String instance, Map<String, String> env)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("outboxkit.repo.root", ".."));
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the modules first (mvn verify from the root)");
        }
        int port = freePort();
        Path log = Path.of("target", instance + ".log");
        // src-deploy/service knows the java command line, as for ./system up and bench/run; `exec` replaces the
        // shell with the JVM, so this Process is the service itself (destroy() is its TERM, kill() its KILL).
        ProcessBuilder builder = new ProcessBuilder(List.of(
                "bash", root.resolve("src-deploy/service").toString(), "exec", module))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        builder.environment().put("SERVICE_APP_DIR", jar.getParent().toAbsolutePath().toString());
        builder.environment().put("SERVICE_HTTP_PORT", String.valueOf(port));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        ServiceProcess service = new ServiceProcess(module, builder.start(), log, port);
        try {
            service.awaitReady();
        } catch (RuntimeException | IOException | InterruptedException notReady) {
            // A service that did not get ready in time must not outlive the test: left running, it would join its
            // consumer group and take partitions from the services of every later test on the same stack.
            service.kill();
            throw notReady;
        }
        return service;
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private void awaitReady() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(uri("/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + START_TIMEOUT + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** kill -9: no shutdown hook runs, no offset is committed, no transaction is finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
