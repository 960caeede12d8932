package dev.outboxkit.web;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import dev.outboxkit.problem.Problem;
import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * Writes into each service's OpenAPI document what the shared code does for every operation, so that the
 * document states what the server answers (README "API conventions"):
 * <ul>
 * <li>every error is {@code application/problem+json} of the {@value #PROBLEM} schema;</li>
 * <li>400 wherever the request carries parameters or a body (StrictParameters, StrictJson, Bean Validation);
 * 401 and 403 on every secured operation (AccessProblemMappers); 404 wherever the path names a resource; 500, which
 * no request should get, but whose body is a problem too;</li>
 * <li>a creation (a declared 201) carries {@code Location} and no generated 200 beside it;</li>
 * <li>UUIDs, dates and date-times are written out where they are used, so that they can be nullable
 * ({@link ScalarSchemas}).</li>
 * </ul>
 * What only a resource knows (409, 422, a 404 without a path parameter, the 201 and its body) it declares
 * with {@code @APIResponse}; this filter gives those responses the problem schema too. It runs when the
 * document is built (Quarkus finds it by its annotation in every service that depends on web-support), so the
 * served document is the one the build wrote.
 */
@OpenApiFilter(stages = OpenApiFilter.RunStage.BUILD)
public class ApiConventions implements OASFilter {

    static final String PROBLEM = "Problem";
    static final String VIOLATION = "Violation";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            "400", "The request is malformed: the problem names each offending field or parameter (violations).",
            "401", "No bearer token, or one that was refused (expired, not signed by the identity provider, or for "
                    + "another service); the WWW-Authenticate header says which.",
            "403", "The caller's roles do not allow this operation.",
            "404", "No such resource, or one the caller may not see.",
            "409", "Conflicts with the resource's current state.",
            "413", "The request body is larger than the service accepts (quarkus.http.limits.max-body-size).",
            "422", "Well-formed, but refers to something that does not allow it.",
            "500", "An unexpected failure; the service logged it. Nothing was changed.",
            "503", "Not accepting changes right now: the event relay is not capturing this service's events, so the"
                    + " change's event would be lost. Nothing was changed; retry in a few seconds.");

    /**
     * A service that publishes its changes' events through the outbox refuses every change with 503 while the relay's
     * replication slot is missing or lost (outbox-support's RelaySlotGate); the others never do.
     */
    private static final boolean CHANGES_GATED = onClasspath("dev.outboxkit.outbox.relay.RelaySlotGate");
    private static final Set<PathItem.HttpMethod> CHANGES = Set.of(PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT,
            PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(VIOLATION, violationSchema());
        openAPI.getComponents().addSchema(PROBLEM, problemSchema());
        ScalarSchemas.inline(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, operation) -> apply(path, item, method, operation));
            }
        });
    }

    private static void apply(String path, PathItem item, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (responses.hasAPIResponse("201")) {
            responses.removeAPIResponse("200");
            APIResponse created = responses.getAPIResponse("201");
            if (created.getHeaders() == null || !created.getHeaders().containsKey("Location")) {
                created.addHeader("Location", OASFactory.createHeader().required(true)
                        .description("The URL of the created resource.")
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
            }
        }
        boolean hasInput = operation.getRequestBody() != null || notEmpty(operation.getParameters())
                || notEmpty(item.getParameters());
        if (hasInput) {
            addIfAbsent(responses, "400");
        }
        if (operation.getRequestBody() != null) {
            addIfAbsent(responses, "413");
        }
        if (notEmpty(operation.getSecurity())) {
            addIfAbsent(responses, "401");
            addIfAbsent(responses, "403");
        }
        if (path.contains("{")) {
            addIfAbsent(responses, "404");
        }
        addIfAbsent(responses, "500");
        if (CHANGES_GATED && CHANGES.contains(method)) {
            addIfAbsent(responses, "503");
        }
        responses.getAPIResponses().forEach((status, response) -> {
            if (status.startsWith("4") || status.startsWith("5")) {
                asProblem(status, response);
            }
        });
    }

    private static boolean onClasspath(String className) {
        try {
            Class.forName(className, false, Thread.currentThread().getContextClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static boolean notEmpty(List<?> list) {
        return list != null && !list.isEmpty();
    }

    private static void addIfAbsent(APIResponses responses, String status) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse());
        }
    }

    private static void asProblem(String status, APIResponse response) {
        if (response.getDescription() == null || response.getDescription().isBlank()) {
            response.setDescription(DESCRIPTIONS.getOrDefault(status, "The request was refused."));
        }
        MediaType problem = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM))
                .example(Map.of("type", "https://www.rfc-editor.org/rfc/rfc9110#status." + status,
                        "title", exampleTitle(status), "status", Integer.parseInt(status),
                        "detail", DESCRIPTIONS.getOrDefault(status, "The request was refused."),
                        "instance", "/customers"));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, problem);
        response.setContent(content);
    }

    private static String exampleTitle(String status) {
        return switch (status) {
            case "400" -> "Invalid request";
            case "401" -> "Unauthorized";
            case "403" -> "Forbidden";
            case "404" -> "Not found";
            case "409" -> "Conflict";
            case "413" -> "Content Too Large";
            case "422" -> "Unprocessable";
            case "503" -> "Not accepting changes yet";
            default -> "Internal error";
        };
    }

    // Schema.example is deprecated in MicroProfile OpenAPI 4 for OpenAPI 3.1's "examples"; the document here is
    // OpenAPI 3.0.3, whose schemas have exactly one "example".
    @SuppressWarnings("deprecation")
    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    @SuppressWarnings("deprecation")
    private static Schema violationSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One offending field of the body (a path such as lines[0].quantity, or $ for the whole "
                        + "body) or one parameter (by its name: size, Idempotency-Key).")
                .addProperty("field", string().example("lines[0].quantity"))
                .addProperty("message", string().example("must be an integer"))
                .required(List.of("field", "message"));
    }

    @SuppressWarnings("deprecation")
    private static Schema problemSchema() {
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 7807 problem details, served as application/problem+json.")
                .addProperty("type", string().format("uri")
                        .example("https://www.rfc-editor.org/rfc/rfc9110#status.400"))
                .addProperty("title", string().example("Invalid request"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format("int32")
                        .example(400))
                .addProperty("detail", string().example("The request has 1 invalid field(s)."))
                .addProperty("instance", string().description("The request path.").example("/orders"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("Present on 400: each offending field or parameter.")
                        .items(OASFactory.createSchema().ref(VIOLATION)))
                .required(List.of("type", "title", "status"));
    }
}
