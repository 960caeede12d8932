package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connect.build.DockerOutput;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/README.md's "Install order on a fresh cluster" lists everything an overlay needs that it does not create
 * itself: every image its pods run or its relay is pushed as, every Secret it reads without generating it, every
 * custom resource kind (with its API group) and the add-ons that its Ingresses and autoscalers rely on.
 */
class InstallOrderTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_install_order_names_every_image(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        Set<String> images = new TreeSet<>();
        for (WorkloadTest.Workload w : WorkloadTest.workloads(manifests)) {
            w.allContainers().stream().map(Container::getImage).forEach(images::add);
        }
        for (KafkaConnect connect : manifests.all(KafkaConnect.class)) {
            images.add(((DockerOutput) connect.getSpec().getBuild().getOutput()).getImage());
        }
        assertThat(images).as("images of %s", overlay).isNotEmpty();
        String section = installOrder();
        assertThat(images).allSatisfy(image -> assertThat(section).as("the install order names " + image)
                .contains("`" + image + "`"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_install_order_names_every_secret_the_overlay_does_not_generate(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        String section = installOrder();
        ReferencesTest.references(manifests).stream()
                .filter(ref -> ref.kind().equals("Secret") && !ReferencesTest.madeByStrimzi(manifests, ref))
                .filter(ref -> manifests.find(io.fabric8.kubernetes.api.model.Secret.class, ref.name()).isEmpty())
                .forEach(ref -> assertThat(section).as("the install order names Secret " + ref.name())
                        .contains("`" + ref.name() + "`"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_install_order_names_every_custom_resource_and_its_api(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        String section = installOrder();
        Set<String> customKinds = new TreeSet<>();
        for (ModelValidator.Document document : manifests.documents) {
            String apiVersion = document.raw().path("apiVersion").asText();
            if (apiVersion.contains(".") && !apiVersion.split("/")[0].endsWith("k8s.io")) {
                customKinds.add(document.kind());
                assertThat(section).as("the install order names API " + apiVersion).contains("`" + apiVersion + "`");
            }
        }
        assertThat(customKinds).as("custom resources of %s", overlay).isNotEmpty()
                .allSatisfy(kind -> assertThat(section).as("the install order names " + kind).contains("`" + kind + "`"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_install_order_names_the_add_ons_that_ingresses_and_autoscalers_need(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        String section = installOrder();
        if (!manifests.all(Ingress.class).isEmpty()) {
            assertThat(section).contains("ingress controller");
        }
        if (!manifests.all(HorizontalPodAutoscaler.class).isEmpty()) {
            assertThat(section).contains("metrics-server");
        }
        assertThat(manifests.all(HasMetadata.class)).isNotEmpty();
    }

    private static String installOrder() throws IOException {
        String readme = Files.readString(Repo.path("k8s/README.md"));
        int start = readme.indexOf("## Install order on a fresh cluster");
        assertThat(start).as("k8s/README.md has the section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        return readme.substring(start, end < 0 ? readme.length() : end);
    }
}
