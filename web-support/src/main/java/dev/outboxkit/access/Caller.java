package dev.outboxkit.access;

import java.util.Objects;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.problem.NotFoundException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The authenticated caller of the current request. Roles decide what kind of resource a caller may
 * touch; ownership decides which ones, for callers who are only customers.
 */
@ApplicationScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The identity provider's subject (the token's {@code sub}, see quarkus.oidc.token.principal-claim). */
    public String subject() {
        return identity.getPrincipal().getName();
    }

    /** Back-office and support read every customer's data; everyone else only their own. */
    public boolean readsEveryone() {
        return identity.hasRole(Roles.BACK_OFFICE) || identity.hasRole(Roles.SUPPORT);
    }

    public boolean isBackOffice() {
        return identity.hasRole(Roles.BACK_OFFICE);
    }

    /**
     * Lets staff through and customers only to what they own. Anything else is "not found", the same
     * answer as for a resource that does not exist, so that ids of other customers' data reveal nothing.
     */
    public void requireReadable(String ownerSubject, Supplier<NotFoundException> notFound) {
        if (!readsEveryone() && !Objects.equals(ownerSubject, subject())) {
            throw notFound.get();
        }
    }
}
