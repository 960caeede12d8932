package dev.outboxkit.deploy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every document of every overlay, as kubectl apply -k would send it, matches the Kubernetes or Strimzi API
 * model: known apiVersion and kind, values of the right types, no unknown field at any depth, Strimzi's
 * required fields present.
 */
class OverlayModelTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_document_matches_its_api_model(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);

        assertThat(manifests.documents).as("documents rendered from k8s/overlays/%s", overlay).hasSizeGreaterThan(20);
        assertThat(manifests.problems)
                .as("k8s/overlays/%s against the Kubernetes and Strimzi models", overlay)
                .isEmpty();
        assertThat(manifests.documents).allSatisfy(d -> assertThat(d.model()).as(d.id()).isNotNull());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void no_two_documents_share_kind_and_name(String overlay) {
        assertThat(Manifests.overlay(overlay).documents)
                .extracting(ModelValidator.Document::id)
                .doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everything_lands_in_the_overlays_namespace(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        String namespace = manifests.all(io.fabric8.kubernetes.api.model.Namespace.class).stream()
                .map(n -> n.getMetadata().getName())
                .findFirst().orElseThrow(() -> new AssertionError(overlay + " creates no Namespace"));

        assertThat(manifests.documents)
                .filteredOn(d -> !d.kind().equals("Namespace"))
                .allSatisfy(d -> assertThat(d.model().getMetadata().getNamespace()).as(d.id()).isEqualTo(namespace));
    }
}
