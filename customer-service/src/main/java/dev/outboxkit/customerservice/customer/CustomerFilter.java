package dev.outboxkit.customerservice.customer;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.quarkus.panache.common.Parameters;

/** The optional filters of the customer list; absent ones do not restrict. */
public record CustomerFilter(String email, UUID organizationId, Boolean active) {

    String query() {
        List<String> clauses = new ArrayList<>();
        if (email != null) {
            clauses.add("email = :email");
        }
        if (organizationId != null) {
            clauses.add("organizationId = :organizationId");
        }
        if (active != null) {
            clauses.add("active = :active");
        }
        return clauses.isEmpty() ? "1 = 1" : String.join(" and ", clauses);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (email != null) {
            parameters.and("email", email.trim().toLowerCase());
        }
        if (organizationId != null) {
            parameters.and("organizationId", organizationId);
        }
        if (active != null) {
            parameters.and("active", active);
        }
        return parameters;
    }
}
