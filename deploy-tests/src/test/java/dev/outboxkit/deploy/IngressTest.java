package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** prod's public entrances: one TLS Ingress per service with an API, and only the API paths routed. */
class IngressTest {

    private static final List<String> PUBLIC = List.of("customer-service", "order-service", "notification-service",
            "keycloak");

    private final Manifests prod = Manifests.overlay("prod");

    @Test
    void every_service_with_an_api_has_a_tls_ingress_to_its_own_service_port() {
        for (String name : PUBLIC) {
            Ingress ingress = prod.get(Ingress.class, name);
            List<IngressRule> rules = ingress.getSpec().getRules();
            assertThat(rules).as(name).singleElement();
            assertThat(ingress.getSpec().getTls()).as(name + ": TLS for its host").anySatisfy(tls -> {
                assertThat(tls.getHosts()).contains(rules.getFirst().getHost());
                assertThat(tls.getSecretName()).isNotBlank();
            });
            Service service = prod.get(Service.class, name);
            for (HTTPIngressPath path : rules.getFirst().getHttp().getPaths()) {
                assertThat(path.getBackend().getService().getName()).as(name + " " + path.getPath()).isEqualTo(name);
                String port = path.getBackend().getService().getPort().getName();
                assertThat(service.getSpec().getPorts()).extracting(ServicePort::getName).as(name).contains(port);
            }
        }
    }

    @Test
    void health_metrics_openapi_and_admin_stay_inside_the_cluster() {
        for (Ingress ingress : prod.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                assertThat(rule.getHttp().getPaths()).extracting(HTTPIngressPath::getPath)
                        .as(ingress.getMetadata().getName())
                        .allSatisfy(path -> assertThat(path).isNotIn("/", "").doesNotStartWith("/q").doesNotStartWith("/admin"));
            }
        }
    }

    @Test
    void keycloaks_public_host_is_the_issuer_the_tokens_name() {
        String hostname = prod.getGenerated(ConfigMap.class, "outboxkit-config").getData().get("KEYCLOAK_HOSTNAME");
        assertThat(prod.get(Ingress.class, "keycloak").getSpec().getRules().getFirst().getHost())
                .isEqualTo(URI.create(hostname).getHost());
    }
}
