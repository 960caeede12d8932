package dev.outboxkit.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.SimpleValidationReportFormat;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.RestAssuredRequest;
import com.atlassian.oai.validator.restassured.RestAssuredResponse;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Holds a service and its OpenAPI document together: every request a test sends through RestAssured, and every
 * response it gets, is validated against the document the service itself serves ({@code /q/openapi}), with
 * Atlassian's swagger-request-validator. A response the document does not describe (an undeclared status, a
 * null in a field not declared nullable, a missing Location) fails the test at the call that got it.
 *
 * <p>Installed by {@link Identities#actAs} and {@link Identities#actAnonymously}, which every service test calls
 * before its first request to say who it is, in the class loader that runs the test (a Quarkus test callback
 * would install it in another one, where the tests' RestAssured does not see it). A test that sends a request
 * the document forbids on purpose (a wrong JSON type, an unparseable parameter) marks it with
 * {@link #malformedRequest()}: its request is not validated, its response still is. Requests to other servers
 * (Keycloak, GreenMail) and to Quarkus' own endpoints under {@code /q/} are not part of the API and pass
 * unchecked.
 */
public final class OpenApiContract {

    private static final String REQUEST_EXEMPT = OpenApiContract.class.getName() + ".requestExempt";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** The document of each server a test talks to, by base URL; empty for a server that serves none. */
    private static final Map<String, Optional<OpenApiInteractionValidator>> VALIDATORS = new ConcurrentHashMap<>();
    private static final Filter VALIDATING = new Validating();

    private OpenApiContract() {
    }

    /** Adds the validating filter to RestAssured's global filters, once. */
    public static synchronized void install() {
        if (!isInstalled()) {
            RestAssured.filters(VALIDATING);
        }
    }

    public static boolean isInstalled() {
        return RestAssured.filters().contains(VALIDATING);
    }

    /** For {@code given().filter(...)}: this request breaks the document on purpose; validate only the response. */
    public static Filter malformedRequest() {
        return new RequestExemption();
    }

    private static ValidationReport validate(OpenApiInteractionValidator validator, FilterableRequestSpecification request,
            Response response, boolean validateRequest) {
        ValidationReport report = ValidationReport.empty();
        if (validateRequest) {
            report = report.merge(validator.validateRequest(RestAssuredRequest.of(request)));
        }
        com.atlassian.oai.validator.model.Request.Method method = com.atlassian.oai.validator.model.Request.Method
                .valueOf(request.getMethod().toUpperCase());
        return report.merge(validator.validateResponse(pathOf(request), method, RestAssuredResponse.of(response)));
    }

    private static String pathOf(FilterableRequestSpecification request) {
        return URI.create(request.getURI()).getRawPath();
    }

    private static Optional<OpenApiInteractionValidator> validatorFor(String baseUrl) {
        return VALIDATORS.computeIfAbsent(baseUrl, OpenApiContract::load);
    }

    private static Optional<OpenApiInteractionValidator> load(String baseUrl) {
        HttpRequest get = HttpRequest.newBuilder(URI.create(baseUrl + "/q/openapi?format=json")).GET().build();
        try {
            HttpResponse<String> document = HTTP.send(get, HttpResponse.BodyHandlers.ofString());
            if (document.statusCode() != 200 || !document.body().contains("\"openapi\"")) {
                return Optional.empty();
            }
            return Optional.of(OpenApiInteractionValidator.createForInlineApiSpecification(document.body())
                    .withLevelResolver(LevelResolver.create()
                            // A request without a token, or with a refused one, is one the API answers (401, a
                            // declared problem response, which is validated); it is not a malformed request.
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .withLevel("validation.request.security.invalid", ValidationReport.Level.IGNORE)
                            .build())
                    .build());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final class Validating implements OrderedFilter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                FilterContext context) {
            Response response = context.next(request, responseSpec);
            URI uri = URI.create(request.getURI());
            if (uri.getRawPath().startsWith("/q/")) {
                return response;
            }
            String baseUrl = uri.getScheme() + "://" + uri.getAuthority();
            Optional<OpenApiInteractionValidator> validator = validatorFor(baseUrl);
            if (validator.isEmpty()) {
                return response;
            }
            boolean exempt = context.hasValue(REQUEST_EXEMPT);
            ValidationReport report = validate(validator.get(), request, response, !exempt);
            if (report.hasErrors()) {
                throw new AssertionError(request.getMethod() + " " + uri.getRawPath()
                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()) + " → " + response.statusCode()
                        + " breaks the service's OpenAPI document:\n" + SimpleValidationReportFormat.getInstance().apply(report)
                        + "\nresponse body: " + response.asString());
            }
            return response;
        }

        /** Last, next to the network: sees the request as sent and the response as received. */
        @Override
        public int getOrder() {
            return LOWEST_PRECEDENCE;
        }
    }

    private static final class RequestExemption implements OrderedFilter {

        @Override
        public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                FilterContext context) {
            context.setValue(REQUEST_EXEMPT, true);
            return context.next(request, responseSpec);
        }

        @Override
        public int getOrder() {
            return HIGHEST_PRECEDENCE;
        }
    }
}
