package dev.outboxkit.systemtests;

import java.util.HashMap;
import java.util.Map;

/** Where the local stack listens, as exported by src-deploy/stack into the test command's environment. */
public final class StackEnv {

    private StackEnv() {
    }

    public static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests with ./system test, which starts the stack");
        }
        return value;
    }

    public static String greenMailApi() {
        return env("GREENMAIL_API_URL");
    }

    /** The environment a service needs to reach the stack; the database credentials are the stack's dev-only ones. */
    public static Map<String, String> serviceEnv(String database) {
        Map<String, String> env = new HashMap<>();
        for (String name : new String[] {"PG_HOST", "PG_PORT", "KAFKA_BOOTSTRAP_SERVERS", "SMTP_HOST", "SMTP_PORT"}) {
            env.put(name, env(name));
        }
        env.put("DB_NAME", database);
        env.put("DB_USER", database);
        env.put("DB_PASSWORD", Databases.password(database));
        return env;
    }
}
