package dev.outboxkit.customerservice.demo;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.customerservice.customer.CreateCustomerRequest;
import dev.outboxkit.customerservice.customer.CustomerService;
import dev.outboxkit.customerservice.organization.CreateOrganizationRequest;
import dev.outboxkit.customerservice.organization.OrganizationService;
import dev.outboxkit.problem.ConflictException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * A few organizations and customers for `mvn quarkus:dev`, created through the use cases so that their
 * events flow like any others. Runs once: an existing organization means the data is there.
 */
@ApplicationScoped
@IfBuildProfile("dev")
class DemoData {

    /** The fixed id of the demo user carol in src-deploy/keycloak/outboxkit-realm.json. */
    private static final String CAROL = "0ca401c0-0000-4000-8000-000000000003";

    private final OrganizationService organizations;
    private final CustomerService customers;
    private final ObjectMapper mapper;

    DemoData(OrganizationService organizations, CustomerService customers, ObjectMapper mapper) {
        this.organizations = organizations;
        this.customers = customers;
        this.mapper = mapper;
    }

    void load(@Observes StartupEvent startup) throws Exception {
        if (organizations.list(0, 1).totalItems() > 0) {
            return;
        }
        UUID engines = organization("Analytical Engines Ltd");
        UUID compilers = organization("Compiler Works");
        customer("Ada Lovelace", "ada@example.com", engines);
        customer("Charles Babbage", "charles@example.com", engines);
        customer("Grace Hopper", "grace@example.com", compilers);
        customer("Alan Turing", "alan@example.com", null);
        customer("Carol Customer", "carol@example.com", compilers, CAROL);
        Log.info("Demo data loaded: 2 organizations, 5 customers (Carol's profile belongs to the realm's user carol)");
    }

    private UUID organization(String name) throws Exception {
        String body = organizations.create(new CreateOrganizationRequest(name), Optional.empty()).body();
        return UUID.fromString(mapper.readTree(body).get("id").asText());
    }

    private void customer(String name, String email, UUID organizationId) {
        customer(name, email, organizationId, null);
    }

    /** A demo customer that someone already signed up by hand (the README's try-it does) is left as it is. */
    private void customer(String name, String email, UUID organizationId, String ownerSubject) {
        try {
            customers.register(new CreateCustomerRequest(name, email, organizationId, ownerSubject));
        } catch (ConflictException alreadyThere) {
            Log.infof("Demo customer %s not loaded: %s", email, alreadyThere.getMessage());
        }
    }
}
