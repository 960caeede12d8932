package dev.outboxkit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Renders a kustomization with {@code kubectl kustomize}, the same renderer {@code kubectl apply -k} uses.
 * kubectl is a requirement of this module, not an option: without it the tests fail and say so, rather than
 * skipping and letting a broken overlay through.
 */
final class Kustomize {

    /** The overlays under k8s/overlays/ that the tests render. */
    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, String> RENDERED = new ConcurrentHashMap<>();

    private Kustomize() {
    }

    /** The rendered overlay k8s/overlays/{name}, rendered once per test run. */
    static String overlay(String name) {
        return RENDERED.computeIfAbsent(name, n -> build(Repo.path("k8s/overlays/" + n)));
    }

    static String build(Path kustomization) {
        String kubectl = kubectl();
        Process process;
        Path stderr;
        try {
            stderr = Files.createTempFile("kustomize", ".err");
            process = new ProcessBuilder(kubectl, "kustomize", kustomization.toString())
                    .redirectError(stderr.toFile())
                    .start();
        } catch (IOException e) {
            throw new AssertionError("Could not run " + kubectl + ": " + e.getMessage(), e);
        }
        try {
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl kustomize " + kustomization + " did not finish within 60 s");
            }
            String err = Files.readString(stderr);
            Files.deleteIfExists(stderr);
            if (process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize " + kustomization + " failed (exit "
                        + process.exitValue() + "):\n" + err);
            }
            return out;
        } catch (IOException e) {
            throw new AssertionError("Reading kubectl's output failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while rendering " + kustomization, e);
        }
    }

    /** The kubectl binary: system property outboxkit.kubectl, else kubectl on the PATH; checked once. */
    static String kubectl() {
        return KUBECTL.computeIfAbsent("kubectl", k -> checkVersion(findKubectl()));
    }

    private static final Map<String, String> KUBECTL = new ConcurrentHashMap<>();

    private static String findKubectl() {
        String configured = System.getProperty("outboxkit.kubectl");
        if (configured != null && !configured.isBlank()) {
            if (!Files.isExecutable(Path.of(configured))) {
                throw new AssertionError("outboxkit.kubectl=" + configured + " is not an executable file");
            }
            return configured;
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "kubectl"))) {
                return Path.of(dir, "kubectl").toString();
            }
        }
        throw new AssertionError("""
                kubectl is required to render k8s/overlays/* (kubectl kustomize) and was not found on the PATH.
                Use kubectl 1.30 or newer (its kustomize is 5.x; the machine images here ship one at /usr/bin/kubectl),
                or point -Doutboxkit.kubectl=/path/to/kubectl at one. Debian's own kubernetes-client package is
                kubectl 1.20, whose kustomize is too old for these overlays.
                These tests fail instead of skipping so that a broken overlay cannot pass unnoticed.""");
    }

    /** kustomize 5 is what the overlays are written for (labels, patches with targets, configurations). */
    private static String checkVersion(String kubectl) {
        try {
            Process process = new ProcessBuilder(kubectl, "version", "--client", "--output=json")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("\"kustomizeVersion\"\\s*:\\s*\"v(\\d+)\\.").matcher(out);
            if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
                throw new AssertionError(kubectl + " has no kustomize 5 or newer (kubectl 1.30+ has):\n" + out);
            }
            return kubectl;
        } catch (IOException e) {
            throw new AssertionError("Could not run " + kubectl + " version: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while asking " + kubectl + " for its version", e);
        }
    }
}
