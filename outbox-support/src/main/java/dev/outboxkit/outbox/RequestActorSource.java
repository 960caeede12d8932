package dev.outboxkit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.Arc;
import io.quarkus.arc.DefaultBean;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The acting principal of an event: the authenticated user of the current request (its principal name, which
 * the services configure to be the token's {@code sub}), or the service itself outside a request, for an
 * anonymous one, or in a service without Quarkus security.
 */
@DefaultBean
@ApplicationScoped
public class RequestActorSource implements ActorSource {

    private final Instance<SecurityIdentity> identity;
    private final Actor self;

    RequestActorSource(Instance<SecurityIdentity> identity, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.identity = identity;
        this.self = Actor.system(serviceName);
    }

    @Override
    public Actor current() {
        if (!identity.isResolvable() || !Arc.container().requestContext().isActive()) {
            return self;
        }
        SecurityIdentity caller = identity.get();
        return caller.isAnonymous() ? self : Actor.user(caller.getPrincipal().getName());
    }
}
