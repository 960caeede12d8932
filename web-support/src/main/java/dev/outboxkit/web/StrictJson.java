package dev.outboxkit.web;

import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * The ObjectMapper of the REST layer: request bodies are read strictly, so a client learns about its mistake
 * instead of having it silently "fixed". A JSON value of the wrong type is refused ({@code "name": 42} is not
 * stored as "42", {@code "quantity": "2"} or {@code 2.5} is not an integer), and so is a property the request
 * does not have (a misspelt {@code "organisationId"} would otherwise be dropped without a word, see README "API
 * conventions"). {@link dev.outboxkit.problem.ProblemMappers} names the offending field.
 *
 * <p>Only the REST layer: the application's own ObjectMapper (events, the outbox, consumers) keeps Quarkus'
 * settings, because a consumer must tolerate properties that a newer producer adds. A JAX-RS ContextResolver
 * is what the Quarkus REST Jackson reader and writer consult first; writing is unchanged.
 */
@Provider
public class StrictJson implements ContextResolver<ObjectMapper> {

    private final ObjectMapper strict;

    StrictJson(ObjectMapper applicationMapper) {
        this.strict = strict(applicationMapper.copy());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return strict;
    }

    @SuppressWarnings("deprecation") // configuring a MapperFeature on a built mapper is deprecated, not removed
    static ObjectMapper strict(ObjectMapper mapper) {
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
                DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES,
                DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // Dates: "2030-02-30" and an epoch-day number are not dates.
        mapper.setDefaultLeniency(false);
        for (LogicalType type : new LogicalType[] { LogicalType.Textual, LogicalType.Integer, LogicalType.Float,
                LogicalType.Boolean }) {
            for (CoercionInputShape shape : new CoercionInputShape[] { CoercionInputShape.String,
                    CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean }) {
                if (!sameShape(type, shape)) {
                    mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
        return mapper;
    }

    /** An integer is a valid number, and a value of a type's own shape is no coercion. */
    private static boolean sameShape(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Textual -> shape == CoercionInputShape.String;
            case Integer -> shape == CoercionInputShape.Integer;
            case Float -> shape == CoercionInputShape.Float || shape == CoercionInputShape.Integer;
            case Boolean -> shape == CoercionInputShape.Boolean;
            default -> false;
        };
    }
}
