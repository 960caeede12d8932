package dev.outboxkit.deploy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.strimzi.api.kafka.model.bridge.KafkaBridge;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.mirrormaker2.KafkaMirrorMaker2;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.rebalance.KafkaRebalance;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Checks rendered manifests against the Kubernetes API model (fabric8) and the Strimzi API model.
 *
 * <p>Both models accept any field: what they do not know lands in an object's {@code additionalProperties}
 * instead of failing (Jackson's FAIL_ON_UNKNOWN_PROPERTIES never fires, the any-setter takes everything).
 * So a parse alone proves nothing about typos. This validator parses each document into its model class and
 * then walks the whole object graph, reporting every non-empty {@code additionalProperties} with its path:
 * a {@code contianerPort} four levels down is as visible as a {@code metdata} at the top. It also reports
 * documents whose apiVersion/kind no model knows, values of the wrong type, and Strimzi fields that the
 * Strimzi model marks as required in {@value #STRIMZI_VERSION}.
 */
final class ModelValidator {

    /** The Strimzi API version the model describes; Strimzi 1.x serves only this one. */
    static final String STRIMZI_VERSION = "v1";
    static final String STRIMZI_GROUP = "kafka.strimzi.io";

    private static final List<String> STRIMZI_VERSION_ORDER = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

    private static final Map<String, Class<? extends HasMetadata>> STRIMZI_KINDS = Map.of(
            "Kafka", Kafka.class,
            "KafkaNodePool", KafkaNodePool.class,
            "KafkaTopic", KafkaTopic.class,
            "KafkaUser", KafkaUser.class,
            "KafkaConnect", KafkaConnect.class,
            "KafkaConnector", KafkaConnector.class,
            "KafkaMirrorMaker2", KafkaMirrorMaker2.class,
            "KafkaBridge", KafkaBridge.class,
            "KafkaRebalance", KafkaRebalance.class);

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
    /** Only used to read the models' Jackson annotations (property names, accessors). */
    private static final ObjectMapper INTROSPECTION = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    /** One YAML document: as written, and as the model understood it (null when it could not). */
    record Document(int index, JsonNode raw, HasMetadata model) {

        String kind() {
            return raw.path("kind").asText();
        }

        String name() {
            return raw.path("metadata").path("name").asText();
        }

        String id() {
            return kind() + "/" + name();
        }
    }

    record Result(List<Document> documents, List<String> problems) {
    }

    private ModelValidator() {
    }

    /** Parses a multi-document YAML stream and validates every document. */
    static Result validate(String yaml) {
        List<JsonNode> nodes;
        try (JsonParser parser = YAML.createParser(yaml)) {
            nodes = YAML.readValues(parser, JsonNode.class).readAll();
        } catch (IOException e) {
            return new Result(List.of(), List.of("not valid YAML: " + e.getMessage()));
        }
        List<Document> documents = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int index = 0;
        for (JsonNode node : nodes) {
            if (node == null || node.isNull() || node.isMissingNode() || node.isEmpty()) {
                continue;
            }
            Document document = new Document(index++, node, null);
            HasMetadata model = parse(document, problems);
            documents.add(new Document(document.index(), node, model));
        }
        return new Result(List.copyOf(documents), List.copyOf(problems));
    }

    private static HasMetadata parse(Document document, List<String> problems) {
        JsonNode raw = document.raw();
        String where = "document " + document.index() + " (" + document.id() + ")";
        String apiVersion = raw.path("apiVersion").asText("");
        String kind = raw.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            problems.add(where + ": apiVersion and kind are required");
            return null;
        }
        HasMetadata model;
        try {
            if (apiVersion.startsWith(STRIMZI_GROUP + "/")) {
                Class<? extends HasMetadata> type = STRIMZI_KINDS.get(kind);
                if (type == null) {
                    problems.add(where + ": no Strimzi kind " + kind);
                    return null;
                }
                String expected = HasMetadata.getApiVersion(type);
                if (!apiVersion.equals(expected)) {
                    problems.add(where + ": apiVersion " + apiVersion + " is not what the Strimzi model describes ("
                            + expected + "; Strimzi 1.x serves only " + STRIMZI_GROUP + "/" + STRIMZI_VERSION + ")");
                    return null;
                }
                model = SERIALIZATION.convertValue(raw, type);
            } else {
                KubernetesResource resource = SERIALIZATION.convertValue(raw, KubernetesResource.class);
                if (resource instanceof GenericKubernetesResource || !(resource instanceof HasMetadata)) {
                    problems.add(where + ": no Kubernetes model for apiVersion " + apiVersion + ", kind " + kind);
                    return null;
                }
                model = (HasMetadata) resource;
            }
        } catch (IllegalArgumentException e) {
            problems.add(where + ": does not match the model: " + firstLine(e.getMessage()));
            return null;
        }
        walk(model, raw, document.id(), problems, Collections.newSetFromMap(new IdentityHashMap<>()));
        return model;
    }

    /** Reports unknown fields (and missing required Strimzi fields) in value and everything below it. */
    private static void walk(Object value, JsonNode raw, String path, List<String> problems, Set<Object> seen) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                walk(item, raw == null ? null : raw.get(i), path + "[" + i + "]", problems, seen);
                i++;
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = String.valueOf(entry.getKey());
                walk(entry.getValue(), raw == null ? null : raw.get(key), path + "." + key, problems, seen);
            }
            return;
        }
        Class<?> type = value.getClass();
        if (!isModel(type) || type.isEnum() || !seen.add(value)) {
            return;
        }
        for (Map.Entry<String, Object> unknown : additionalProperties(value).entrySet()) {
            problems.add(path + ": unknown field '" + unknown.getKey() + "' (not in " + type.getSimpleName() + ")");
        }
        BeanDescription description = INTROSPECTION.getSerializationConfig()
                .introspect(INTROSPECTION.constructType(type));
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor == null) {
                continue;
            }
            String name = property.getName();
            JsonNode rawChild = raw == null ? null : raw.get(name);
            if (isStrimzi(type) && isRequired(property) && (rawChild == null || rawChild.isNull())) {
                problems.add(path + ": required field '" + name + "' is missing (" + type.getSimpleName() + ")");
            }
            accessor.fixAccess(true);
            Object child;
            try {
                child = accessor.getValue(value);
            } catch (RuntimeException e) {
                continue;
            }
            walk(child, rawChild, path + "." + name, problems, seen);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> additionalProperties(Object value) {
        try {
            Method getter = value.getClass().getMethod("getAdditionalProperties");
            Object map = getter.invoke(value);
            return map instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot read additionalProperties of " + value.getClass(), e);
        }
    }

    private static boolean isRequired(BeanPropertyDefinition property) {
        for (AnnotatedMember member : new AnnotatedMember[] {property.getGetter(), property.getField(), property.getSetter()}) {
            if (member == null) {
                continue;
            }
            RequiredInVersions required = member.getAnnotation(RequiredInVersions.class);
            if (required != null && appliesTo(required.value(), STRIMZI_VERSION)) {
                return true;
            }
            JsonProperty json = member.getAnnotation(JsonProperty.class);
            if (json != null && json.required()) {
                return true;
            }
        }
        return false;
    }

    /** Strimzi's version ranges: "all", "v1+" (from v1 on), "v1beta2-v1" (inclusive), or one version. */
    static boolean appliesTo(String range, String version) {
        int v = STRIMZI_VERSION_ORDER.indexOf(version);
        for (String part : range.split(",")) {
            String r = part.trim();
            if (r.equals("all")) {
                return true;
            }
            if (r.endsWith("+")) {
                int from = STRIMZI_VERSION_ORDER.indexOf(r.substring(0, r.length() - 1));
                if (from >= 0 && v >= from) {
                    return true;
                }
            } else if (r.contains("-")) {
                String[] ends = r.split("-", 2);
                int from = STRIMZI_VERSION_ORDER.indexOf(ends[0]);
                int to = STRIMZI_VERSION_ORDER.indexOf(ends[1]);
                if (from >= 0 && to >= 0 && v >= from && v <= to) {
                    return true;
                }
            } else if (r.equals(version)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return name.startsWith("io.fabric8.kubernetes.api.model.") || isStrimzi(type);
    }

    private static boolean isStrimzi(Class<?> type) {
        return type.getName().startsWith("io.strimzi.api.");
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
