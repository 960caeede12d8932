package dev.outboxkit.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The event contracts, {@code <aggregate>/<Type>.v<N>.schema.json} from src-deploy/contracts/, for
 * tests: producers check what they emit, consumers check the fixtures they feed themselves.
 */
public final class Contracts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final ConcurrentMap<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /** Validation errors of {@code payload} against the contract; empty when it conforms. */
    public static Set<ValidationMessage> violations(String aggregate, String type, int version, JsonNode payload) {
        return schema(aggregate + "/" + type + ".v" + version + ".schema.json").validate(payload);
    }

    public static Set<ValidationMessage> violations(String aggregate, String type, int version, String payload) {
        try {
            return violations(aggregate, type, version, JSON.readTree(payload));
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + payload, e);
        }
    }

    /**
     * Validation errors of a record as the relay publishes it: the aggregate comes from the topic
     * ({@code customer.events}), the type from the {@code eventType} header, the version from the payload.
     */
    public static Set<ValidationMessage> violationsOfRecord(String topic, String eventType, String payload) {
        try {
            JsonNode json = JSON.readTree(payload);
            String aggregate = topic.substring(0, topic.indexOf('.'));
            return violations(aggregate, eventType, json.path("schemaVersion").asInt(), json);
        } catch (IOException e) {
            throw new UncheckedIOException("Not JSON: " + payload, e);
        }
    }

    private static JsonSchema schema(String path) {
        return SCHEMAS.computeIfAbsent(path, p -> {
            try (InputStream in = Contracts.class.getResourceAsStream("/contracts/" + p)) {
                if (in == null) {
                    throw new IllegalArgumentException("No contract " + p + " in src-deploy/contracts/");
                }
                return FACTORY.getSchema(in, CONFIG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
