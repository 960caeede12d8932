package dev.outboxkit.access;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.outboxkit.outbox.Actor;
import dev.outboxkit.outbox.ActorSource;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/** The acting principal of an event: the authenticated user of the request, or the service outside of one. */
@ApplicationScoped
public class CallerActorSource implements ActorSource {

    private final SecurityIdentity identity;
    private final Actor self;

    CallerActorSource(SecurityIdentity identity, @ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.identity = identity;
        this.self = Actor.system(serviceName);
    }

    @Override
    public Actor current() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return self;
        }
        return Actor.user(identity.getPrincipal().getName());
    }
}
