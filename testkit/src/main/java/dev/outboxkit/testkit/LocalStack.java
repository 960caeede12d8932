package dev.outboxkit.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Controls components of the local stack that the test command started (src-deploy/stack), for tests
 * of what happens while one of them is down. The stack's location comes from the environment that
 * `./system test` exports.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void stop(String component) {
        run("stop", component);
    }

    public static void start(String component) {
        run("start", component);
    }

    /** kill -9: no shutdown of any kind; {@link #start} then recovers it as after a crash. */
    public static void kill(String component) {
        run("kill", component);
    }

    /**
     * The script's output goes to a file and then through {@code System.out}: written straight to the inherited stream,
     * it would cut into Surefire's channel to the forked JVM ("Corrupted channel by directly writing to native
     * stream", a Maven warning per line). On a failure it is also in the exception.
     */
    private static void run(String command, String component) {
        Path script = repoRoot().resolve("src-deploy/stack");
        Path output = null;
        try {
            output = Files.createTempFile("local-stack-" + command + "-", ".log");
            Process process = new ProcessBuilder("bash", script.toString(), command, component)
                    .redirectErrorStream(true)
                    .redirectOutput(output.toFile())
                    .start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String said = Files.readString(output);
            System.out.print(said);
            if (!finished || process.exitValue() != 0) {
                throw new IllegalStateException("src-deploy/stack " + command + " " + component + " failed:\n" + said);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            if (output != null) {
                output.toFile().delete();
            }
        }
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("src-deploy/stack"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("src-deploy/stack not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
