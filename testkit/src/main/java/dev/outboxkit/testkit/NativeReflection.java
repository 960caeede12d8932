package dev.outboxkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Holds a service's native-image reflection registry in step with its code, in JVM mode. Jackson reaches event
 * payloads, consumed events, DTOs and problem bodies by reflection; Quarkus registers only what it sees as REST
 * parameter and return types, so the rest is listed in one {@code @RegisterForReflection(targets = ...)} class per
 * service. A type missing there does not fail the native build: it fails, or silently loses JSON properties, at
 * run time in the native executable only. This check fails the ordinary test run instead.
 *
 * <p>The types Jackson reaches, by rule: every class of the service that is a domain event (a subtype of
 * {@value #DOMAIN_EVENT}), every record in an {@code events} package (consumed events read into records), every
 * record named {@code *Request}, {@code *Response} or {@code *Event}, the project's records and enums nested in any
 * of those or held by their components (also as type arguments: {@code List<Line>}), the problem+json body ({@value #PROBLEM} and what it nests) and, where the service publishes events, the
 * {@value #ACTOR} each payload names.
 */
public final class NativeReflection {

    static final String REGISTER_FOR_REFLECTION = "io.quarkus.runtime.annotations.RegisterForReflection";
    static final String DOMAIN_EVENT = "dev.outboxkit.outbox.DomainEvent";
    static final String PROBLEM = "dev.outboxkit.problem.Problem";
    static final String ACTOR = "dev.outboxkit.outbox.Actor";
    static final String PROJECT_PACKAGE = "dev.outboxkit.";

    private NativeReflection() {
    }

    /** Fails naming every type of the rule above that {@code registry}'s {@code targets} leave out. */
    public static void assertRegistersWhatJacksonReaches(Class<?> registry) {
        Set<Class<?>> registered = Set.of(targets(registry));
        Set<String> missing = new TreeSet<>();
        for (Class<?> type : reachedByJackson(registry)) {
            if (!registered.contains(type)) {
                missing.add(type.getName());
            }
        }
        assertThat(missing)
                .as("types Jackson reaches by reflection but missing from @RegisterForReflection(targets) of %s "
                        + "(a native executable would fail or drop their JSON properties at run time)", registry.getName())
                .isEmpty();
    }

    /** The types of the rule, from the compiled classes beside {@code registry} and the shared types it names. */
    static Set<Class<?>> reachedByJackson(Class<?> registry) {
        List<Class<?>> own = classesBeside(registry);
        Deque<Class<?>> roots = new ArrayDeque<>();
        own.stream().filter(NativeReflection::isJacksonRoot).forEach(roots::add);
        ClassLoader loader = registry.getClassLoader();
        load(PROBLEM, loader).ifPresent(roots::add);
        if (own.stream().anyMatch(NativeReflection::isDomainEvent)) {
            load(ACTOR, loader).ifPresent(roots::add);
        }
        Set<Class<?>> reached = new LinkedHashSet<>();
        while (!roots.isEmpty()) {
            Class<?> type = roots.pop();
            if (reached.add(type)) {
                Arrays.stream(type.getDeclaredClasses()).filter(NativeReflection::isProjectValue).forEach(roots::add);
                if (type.isRecord()) {
                    Arrays.stream(type.getRecordComponents())
                            .flatMap(component -> classesIn(component.getGenericType()))
                            .filter(NativeReflection::isProjectValue)
                            .forEach(roots::add);
                }
            }
        }
        return reached;
    }

    /** A record or enum of this project: what a reached record holds is reached too (JDK and library types are not). */
    private static boolean isProjectValue(Class<?> type) {
        return (type.isRecord() || type.isEnum()) && type.getName().startsWith(PROJECT_PACKAGE);
    }

    /** The classes a component's declared type names: itself, or its type arguments ({@code List<Line>}). */
    private static Stream<Class<?>> classesIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isArray() ? classesIn(plain.getComponentType()) : Stream.of(plain);
        }
        if (type instanceof ParameterizedType parameterized) {
            return Stream.concat(classesIn(parameterized.getRawType()),
                    Arrays.stream(parameterized.getActualTypeArguments()).flatMap(NativeReflection::classesIn));
        }
        return Stream.empty();
    }

    private static boolean isJacksonRoot(Class<?> type) {
        if (isDomainEvent(type)) {
            return true;
        }
        if (!type.isRecord()) {
            return false;
        }
        String name = type.getSimpleName();
        return type.getPackageName().endsWith(".events")
                || name.endsWith("Request") || name.endsWith("Response") || name.endsWith("Event");
    }

    private static boolean isDomainEvent(Class<?> type) {
        Deque<Class<?>> supertypes = new ArrayDeque<>(List.of(type.getInterfaces()));
        if (type.getSuperclass() != null) {
            supertypes.add(type.getSuperclass());
        }
        while (!supertypes.isEmpty()) {
            Class<?> supertype = supertypes.pop();
            if (supertype.getName().equals(DOMAIN_EVENT)) {
                return true;
            }
            supertypes.addAll(List.of(supertype.getInterfaces()));
        }
        return false;
    }

    /** The annotation is read by name: testkit does not depend on Quarkus, the services' test classpath does. */
    private static Class<?>[] targets(Class<?> registry) {
        for (Annotation annotation : registry.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(REGISTER_FOR_REFLECTION)) {
                try {
                    Method targets = annotation.annotationType().getMethod("targets");
                    return (Class<?>[]) targets.invoke(annotation);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read the targets of " + registry.getName(), e);
                }
            }
        }
        throw new AssertionError(registry.getName() + " carries no @RegisterForReflection");
    }

    /** Every class compiled into the same output directory as {@code registry} (the service's main classes). */
    private static List<Class<?>> classesBeside(Class<?> registry) {
        Path root;
        try {
            root = Path.of(registry.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".class"))
                    .map(f -> root.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "."))
                    .map(f -> f.substring(0, f.length() - ".class".length()))
                    .filter(name -> !name.contains("_") && !name.endsWith("package-info"))
                    .sorted(Comparator.naturalOrder())
                    .flatMap(name -> load(name, registry.getClassLoader()).stream())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Optional<Class<?>> load(String name, ClassLoader loader) {
        try {
            return Optional.of(Class.forName(name, false, loader));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
