package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** One rendered overlay, parsed into the Kubernetes and Strimzi models. */
final class Manifests {

    private static final Map<String, Manifests> OVERLAYS = new ConcurrentHashMap<>();

    final String overlay;
    final List<ModelValidator.Document> documents;
    final List<String> problems;

    private Manifests(String overlay, ModelValidator.Result result) {
        this.overlay = overlay;
        this.documents = result.documents();
        this.problems = result.problems();
    }

    /** k8s/overlays/{name}, rendered and validated once per test run. */
    static Manifests overlay(String name) {
        return OVERLAYS.computeIfAbsent(name, n -> new Manifests(n, ModelValidator.validate(Kustomize.overlay(n))));
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return documents.stream()
                .map(ModelValidator.Document::model)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(r -> name.equals(r.getMetadata().getName())).findFirst();
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return find(type, name).orElseThrow(() -> new AssertionError(
                overlay + ": no " + type.getSimpleName() + " named " + name));
    }

    /**
     * A resource from a kustomize generator, whose name is the generator's name plus a content hash
     * ({@code outboxkit-config-7m9gbhc6k8}), or exactly the name where the hash is off.
     */
    <T extends HasMetadata> Optional<T> findGenerated(Class<T> type, String name) {
        return all(type).stream()
                .filter(r -> isGeneratedName(r.getMetadata().getName(), name))
                .findFirst();
    }

    <T extends HasMetadata> T getGenerated(Class<T> type, String name) {
        return findGenerated(type, name).orElseThrow(() -> new AssertionError(
                overlay + ": no generated " + type.getSimpleName() + " named " + name + "[-hash]"));
    }

    static boolean isGeneratedName(String actual, String generator) {
        return actual.equals(generator) || actual.matches(java.util.regex.Pattern.quote(generator) + "-[a-z0-9]{10}");
    }

    @Override
    public String toString() {
        return overlay;
    }
}
