package dev.outboxkit.customerservice.demo;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.outboxkit.customerservice.customer.CreateCustomerRequest;
import dev.outboxkit.customerservice.customer.CustomerFilter;
import dev.outboxkit.customerservice.customer.CustomerService;
import dev.outboxkit.customerservice.organization.CreateOrganizationRequest;
import dev.outboxkit.customerservice.organization.OrganizationService;
import dev.outboxkit.problem.ConflictException;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;

/**
 * A few organizations and customers for `mvn quarkus:dev`, created through the use cases so that their
 * events flow like any others. Dev mode shares the local stack's database, so everything here is marked as
 * demo data where anyone meets it: "(demo)" in every name, and addresses at {@value #DOMAIN}, where their
 * welcome emails land too. Runs once: an existing demo Ada means the data is there.
 */
@ApplicationScoped
@IfBuildProfile("dev")
class DemoData {

    /** The fixed id of the demo user carol in src-deploy/keycloak/outboxkit-realm.json. */
    private static final String CAROL = "0ca401c0-0000-4000-8000-000000000003";
    static final String DOMAIN = "demo.example.com";
    private static final String MARK = " (demo)";

    private final OrganizationService organizations;
    private final CustomerService customers;

    DemoData(OrganizationService organizations, CustomerService customers) {
        this.organizations = organizations;
        this.customers = customers;
    }

    void load(@Observes StartupEvent startup) {
        if (customers.list(new CustomerFilter("ada@" + DOMAIN, null, null), 0, 1).totalItems() > 0) {
            return;
        }
        UUID engines = organization("Analytical Engines Ltd");
        UUID compilers = organization("Compiler Works");
        customer("Ada Lovelace", "ada", engines);
        customer("Charles Babbage", "charles", engines);
        customer("Grace Hopper", "grace", compilers);
        customer("Alan Turing", "alan", null);
        customer("Carol Customer", "carol", compilers, CAROL);
        Log.infof("Dev mode demo data loaded into the local stack's database: 2 organizations and 5 customers, named"
                + " '... (demo)', emails at %s (Carol's profile belongs to the realm's user carol)", DOMAIN);
    }

    private UUID organization(String name) {
        return organizations.create(new CreateOrganizationRequest(name + MARK)).getId();
    }

    private void customer(String name, String mailbox, UUID organizationId) {
        customer(name, mailbox, organizationId, null);
    }

    /** A demo customer that someone already signed up by hand (the README's try-it does) is left as it is. */
    private void customer(String name, String mailbox, UUID organizationId, String ownerSubject) {
        String email = mailbox + "@" + DOMAIN;
        try {
            customers.register(new CreateCustomerRequest(name + MARK, email, organizationId, ownerSubject));
        } catch (ConflictException alreadyThere) {
            Log.infof("Demo customer %s not loaded: %s", email, alreadyThere.getMessage());
        }
    }
}
