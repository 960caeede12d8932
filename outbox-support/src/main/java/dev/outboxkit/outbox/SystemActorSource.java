package dev.outboxkit.outbox;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.arc.DefaultBean;

/** Used where no other ActorSource exists: every change is the service's own. */
@DefaultBean
@ApplicationScoped
public class SystemActorSource implements ActorSource {

    private final Actor self;

    SystemActorSource(@ConfigProperty(name = "quarkus.application.name") String serviceName) {
        this.self = Actor.system(serviceName);
    }

    @Override
    public Actor current() {
        return self;
    }
}
