package dev.outboxkit.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * Writes the component schemas of scalar types ({@code UUID}, {@code Instant}, {@code LocalDate}: a string with a
 * format) into the places that use them instead of referring to them. In OpenAPI 3.0 a reference cannot be
 * nullable ({@code nullable} beside {@code $ref} is ignored, and {@code nullable} beside an {@code allOf} holding
 * the reference does not admit null either), so a nullable UUID or date-time must be a plain
 * {@code type: string, format: ..., nullable: true}: else a client generated from the document, or a validator,
 * rejects the server's {@code null}.
 */
final class ScalarSchemas {

    private static final String PREFIX = "#/components/schemas/";

    private final Map<String, Schema> scalars = new LinkedHashMap<>();

    private ScalarSchemas(Map<String, Schema> components) {
        components.forEach((name, schema) -> {
            List<Schema.SchemaType> types = schema.getType();
            if (schema.getRef() == null && types != null && !types.isEmpty() && !types.contains(Schema.SchemaType.OBJECT)
                    && !types.contains(Schema.SchemaType.ARRAY)) {
                scalars.put(PREFIX + name, schema);
            }
        });
    }

    static void inline(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        ScalarSchemas inliner = new ScalarSchemas(openAPI.getComponents().getSchemas());
        if (inliner.scalars.isEmpty()) {
            return;
        }
        Map<String, Schema> components = new LinkedHashMap<>();
        openAPI.getComponents().getSchemas().forEach((name, schema) -> components.put(name, inliner.inlined(schema)));
        openAPI.getComponents().setSchemas(components);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            if (item.getParameters() != null) {
                item.getParameters().forEach(p -> p.setSchema(inliner.inlined(p.getSchema())));
            }
            if (item.getOperations() == null) {
                return;
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> p.setSchema(inliner.inlined(p.getSchema())));
                }
                if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                        && operation.getRequestBody().getContent().getMediaTypes() != null) {
                    operation.getRequestBody().getContent().getMediaTypes().values()
                            .forEach(m -> m.setSchema(inliner.inlined(m.getSchema())));
                }
                if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
                    operation.getResponses().getAPIResponses().values().stream()
                            .filter(r -> r.getContent() != null && r.getContent().getMediaTypes() != null)
                            .flatMap(r -> r.getContent().getMediaTypes().values().stream())
                            .forEach(m -> m.setSchema(inliner.inlined(m.getSchema())));
                }
            });
        });
    }

    @SuppressWarnings("deprecation") // example: see ApiConventions
    private Schema inlined(Schema schema) {
        if (schema == null) {
            return null;
        }
        Schema referenced = schema.getRef() == null ? null : scalars.get(schema.getRef());
        if (referenced != null) {
            Schema copy = copyOf(referenced);
            copyInformation(schema, copy);
            return copy;
        }
        Object example = ownExample(schema);
        Schema scalar = onlyScalar(schema.getAllOf());
        if (scalar == null) {
            scalar = nullableScalar(schema.getAnyOf());
            if (scalar != null) {
                schema.setAnyOf(null);
                addType(schema, Schema.SchemaType.NULL);
            }
        } else {
            schema.setAllOf(null);
        }
        if (scalar != null) {
            scalar.getType().forEach(type -> addType(schema, type));
            if (schema.getFormat() == null) {
                schema.setFormat(scalar.getFormat());
            }
            if (schema.getPattern() == null) {
                schema.setPattern(scalar.getPattern());
            }
            // The place's own example (an order's delivery date), never the type's (a date in the past).
            schema.setExample(example);
            return schema;
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>();
            schema.getProperties().forEach((name, property) -> properties.put(name, inlined(property)));
            schema.setProperties(properties);
        }
        schema.setItems(inlined(schema.getItems()));
        if (schema.getAdditionalPropertiesSchema() != null) {
            schema.setAdditionalPropertiesSchema(inlined(schema.getAdditionalPropertiesSchema()));
        }
        schema.setAllOf(inlinedAll(schema.getAllOf()));
        schema.setAnyOf(inlinedAll(schema.getAnyOf()));
        schema.setOneOf(inlinedAll(schema.getOneOf()));
        return schema;
    }

    /** What a {@code @Schema(example = ...)} on the field gave: smallrye keeps it as the first of the examples. */
    @SuppressWarnings("deprecation")
    private static Object ownExample(Schema schema) {
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        return schema.getExamples() == null || schema.getExamples().isEmpty() ? null : schema.getExamples().get(0);
    }

    private List<Schema> inlinedAll(List<Schema> schemas) {
        return schemas == null ? null : schemas.stream().map(this::inlined).toList();
    }

    private static void addType(Schema schema, Schema.SchemaType type) {
        List<Schema.SchemaType> types = schema.getType() == null ? new ArrayList<>() : new ArrayList<>(schema.getType());
        if (!types.contains(type)) {
            types.add(type);
            schema.setType(types);
        }
    }

    /** The scalar of {@code allOf: [{$ref: scalar}]}: how smallrye refers to a type it adds information to. */
    private Schema onlyScalar(List<Schema> allOf) {
        if (allOf == null || allOf.size() != 1 || allOf.get(0).getRef() == null) {
            return null;
        }
        return scalars.get(allOf.get(0).getRef());
    }

    /** The scalar of {@code anyOf: [{$ref: scalar}, {type: null}]}: how smallrye spells a nullable reference. */
    private Schema nullableScalar(List<Schema> anyOf) {
        if (anyOf == null || anyOf.size() != 2) {
            return null;
        }
        Schema scalar = null;
        boolean nullAllowed = false;
        for (Schema alternative : anyOf) {
            if (alternative.getRef() != null && scalars.containsKey(alternative.getRef())) {
                scalar = scalars.get(alternative.getRef());
            } else if (alternative.getType() != null && alternative.getType().equals(List.of(Schema.SchemaType.NULL))) {
                nullAllowed = true;
            }
        }
        return nullAllowed ? scalar : null;
    }

    @SuppressWarnings("deprecation") // example: see ApiConventions
    private static Schema copyOf(Schema scalar) {
        return OASFactory.createSchema().type(new ArrayList<>(scalar.getType())).format(scalar.getFormat())
                .pattern(scalar.getPattern()).description(scalar.getDescription()).example(scalar.getExample())
                .examples(scalar.getExamples() == null ? null : new ArrayList<>(scalar.getExamples()))
                .enumeration(scalar.getEnumeration() == null ? null : new ArrayList<>(scalar.getEnumeration()));
    }

    /** What the place that referred to the scalar said about it: its description and example win. */
    @SuppressWarnings("deprecation")
    private static void copyInformation(Schema from, Schema to) {
        if (from.getDescription() != null) {
            to.setDescription(from.getDescription());
        }
        if (from.getExample() != null) {
            to.setExample(from.getExample());
        }
    }
}
