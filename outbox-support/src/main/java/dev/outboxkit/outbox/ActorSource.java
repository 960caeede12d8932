package dev.outboxkit.outbox;

/** Tells the publisher who is acting now; a service with user access provides one bound to the request's identity. */
public interface ActorSource {

    Actor current();
}
