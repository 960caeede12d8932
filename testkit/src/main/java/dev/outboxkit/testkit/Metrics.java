package dev.outboxkit.testkit;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the service under test's Prometheus endpoint ({@code /q/metrics}) as a scraper would, through
 * RestAssured's base URI (the {@code @QuarkusTest} application).
 */
public final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private Metrics() {
    }

    public static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /**
     * The sample named {@code name} whose labels include {@code labels} (name, value, name, value, ...),
     * empty when the endpoint has none.
     */
    public static OptionalDouble sample(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        for (String line : scrape().split("\n")) {
            Matcher sample = SAMPLE.matcher(withoutExemplar(line).trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> found = new LinkedHashMap<>();
            Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
            while (label.find()) {
                found.put(label.group(1), label.group(2));
            }
            if (found.entrySet().containsAll(wanted.entrySet())) {
                return OptionalDouble.of(Double.parseDouble(sample.group(4)));
            }
        }
        return OptionalDouble.empty();
    }

    /**
     * The sample without its OpenMetrics exemplar ({@code ... 1.0 # {span_id="...",trace_id="..."} 1.0 1732...}),
     * which the endpoint adds once the service traces with OpenTelemetry.
     */
    private static String withoutExemplar(String line) {
        int exemplar = line.indexOf(" # {");
        return exemplar < 0 ? line : line.substring(0, exemplar);
    }

    /** A counter's value, 0 while it does not exist yet (Micrometer registers a counter on first use). */
    public static double count(String name, String... labels) {
        return sample(name, labels).orElse(0);
    }
}
