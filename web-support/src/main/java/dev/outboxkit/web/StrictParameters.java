package dev.outboxkit.web;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.outboxkit.problem.InvalidRequestException;
import dev.outboxkit.problem.Problem;

/**
 * Refuses a query or path parameter that does not parse, with a 400 naming it and saying what it must be.
 * JAX-RS answers such a request with 404 (the parameter "does not match the resource"), which a client cannot
 * tell from an unknown id, and turns any text into {@code false} for a Boolean ({@code active=maybe} filtered to
 * nothing). The check runs after matching, before the body is read and before the parameters are converted,
 * for the types the resources use; each resource method's parameters are looked up once.
 */
public class StrictParameters {

    private static final Pattern UUID_TEXT = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private static final Set<Class<?>> CHECKED = Set.of(UUID.class, int.class, Integer.class, long.class, Long.class,
            boolean.class, Boolean.class, Instant.class, LocalDate.class);

    private final Map<Method, List<Declared>> declaredByMethod = new ConcurrentHashMap<>();

    /** A parameter as the resource method declares it: where it comes from, its name there, its Java type. */
    record Declared(boolean inPath, String name, Class<?> type) {
    }

    @ServerRequestFilter
    public void refuseUnparseableParameters(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        List<Declared> declared = declaredByMethod.computeIfAbsent(method, StrictParameters::declared);
        if (declared.isEmpty()) {
            return;
        }
        List<Problem.Violation> violations = new ArrayList<>();
        for (Declared parameter : declared) {
            MultivaluedMap<String, String> values = parameter.inPath() ? uri.getPathParameters() : uri.getQueryParameters();
            List<String> sent = values.get(parameter.name());
            if (sent == null) {
                continue;
            }
            for (String value : sent) {
                String problem = problemWith(value, parameter.type());
                if (problem != null) {
                    violations.add(new Problem.Violation(parameter.name(), problem));
                    break;
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidRequestException(violations);
        }
    }

    private static List<Declared> declared(Method method) {
        List<Declared> declared = new ArrayList<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation annotation : annotations[i]) {
                if (annotation instanceof QueryParam query && checked(types[i])) {
                    declared.add(new Declared(false, query.value(), types[i]));
                } else if (annotation instanceof PathParam path && checked(types[i])) {
                    declared.add(new Declared(true, path.value(), types[i]));
                }
            }
        }
        return List.copyOf(declared);
    }

    private static boolean checked(Class<?> type) {
        return CHECKED.contains(type) || type.isEnum();
    }

    /** Null when {@code value} is a valid {@code type}, else what it must be. */
    static String problemWith(String value, Class<?> type) {
        if (type == UUID.class) {
            return UUID_TEXT.matcher(value).matches() ? null : "must be a UUID";
        }
        if (type == int.class || type == Integer.class) {
            return parses(() -> Integer.parseInt(value)) ? null : "must be an integer";
        }
        if (type == long.class || type == Long.class) {
            return parses(() -> Long.parseLong(value)) ? null : "must be an integer";
        }
        if (type == boolean.class || type == Boolean.class) {
            return value.equals("true") || value.equals("false") ? null : "must be true or false";
        }
        if (type == Instant.class) {
            return parses(() -> Instant.parse(value)) ? null
                    : "must be a date-time (ISO-8601, such as 2030-01-01T12:00:00Z)";
        }
        if (type == LocalDate.class) {
            return parses(() -> LocalDate.parse(value)) ? null : "must be a date (yyyy-MM-dd)";
        }
        if (type.isEnum()) {
            List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList();
            return allowed.contains(value) ? null
                    : "must be one of " + allowed.stream().collect(Collectors.joining(", "));
        }
        return null;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeParseException e) {
            return false;
        }
    }
}
