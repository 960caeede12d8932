package dev.outboxkit.outbox;

/**
 * Who caused an event: the identity provider's subject of the user whose request changed the aggregate,
 * or the service itself for changes no user asked for (start-up data, scheduled work). Never the token.
 */
public record Actor(Type type, String subject) {

    public enum Type {
        USER, SYSTEM;

        @com.fasterxml.jackson.annotation.JsonValue
        String json() {
            return name().toLowerCase();
        }
    }

    public static Actor user(String subject) {
        return new Actor(Type.USER, subject);
    }

    public static Actor system(String serviceName) {
        return new Actor(Type.SYSTEM, serviceName);
    }
}
