// Part of bench/Bench.java (the source launcher compiles the files of this directory together).

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of each service during one stage (jcmd JFR.start / JFR.stop, settings=profile: a Java stack
 * sample every 10 ms per running thread), summarised into a few lines per service: the share of CPU samples
 * spent in each library (own time: the topmost frame of a known library, JDK frames counting for their caller;
 * and inclusive: any frame of the stack belongs to it, so a sample counts for several libraries), the hottest
 * methods (self time, the top frame) and how many exceptions were thrown per second.
 */
final class Profiler {

    /** Library → package prefixes, in order: the first that matches names a frame. */
    private static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("Hibernate Validator", List.of("org.hibernate.validator."));
        AREAS.put("Hibernate ORM", List.of("org.hibernate."));
        AREAS.put("JDBC driver", List.of("org.postgresql."));
        AREAS.put("Agroal pool", List.of("io.agroal."));
        AREAS.put("Narayana (JTA)", List.of("com.arjuna.", "io.narayana.", "org.jboss.tm.", "io.quarkus.narayana."));
        AREAS.put("Quarkus REST", List.of("org.jboss.resteasy.reactive.", "io.quarkus.resteasy.reactive."));
        AREAS.put("Vert.x HTTP", List.of("io.vertx.core.http.", "io.vertx.ext.web.", "io.quarkus.vertx.http."));
        AREAS.put("OIDC / JWT", List.of("io.quarkus.oidc.", "io.smallrye.jwt.", "org.jose4j."));
        AREAS.put("Quarkus security", List.of("io.quarkus.security."));
        AREAS.put("ArC (CDI)", List.of("io.quarkus.arc."));
        AREAS.put("Jackson", List.of("com.fasterxml.jackson."));
        AREAS.put("OpenTelemetry", List.of("io.opentelemetry.", "io.quarkus.opentelemetry."));
        AREAS.put("Context propagation", List.of("io.smallrye.context."));
        AREAS.put("Micrometer", List.of("io.micrometer.", "io.quarkus.micrometer."));
        AREAS.put("Kafka client", List.of("org.apache.kafka."));
        AREAS.put("Reactive Messaging", List.of("io.smallrye.reactive.messaging."));
        AREAS.put("Mailer", List.of("io.vertx.ext.mail.", "io.quarkus.mailer."));
        AREAS.put("Qute", List.of("io.quarkus.qute."));
        AREAS.put("Logging", List.of("org.jboss.logmanager.", "org.jboss.logging.", "io.quarkus.logging."));
        AREAS.put("Netty", List.of("io.netty."));
        AREAS.put("Vert.x core", List.of("io.vertx."));
        AREAS.put("Debezium outbox", List.of("io.debezium."));
        AREAS.put("JDK crypto", List.of("sun.security.", "java.security.", "javax.crypto.", "com.sun.crypto."));
        AREAS.put("outboxkit (own code)", List.of("dev.outboxkit."));
    }

    private final Path dir;
    private final String jcmd;

    Profiler(Path dir) {
        this.dir = dir;
        this.jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    }

    void start(long pid) throws Exception {
        jcmd(pid, "JFR.start", "name=bench", "settings=profile");
    }

    Path stop(String name, long pid) throws Exception {
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".jfr");
        jcmd(pid, "JFR.stop", "name=bench", "filename=" + file);
        return file;
    }

    private void jcmd(long pid, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + ": " + out);
        }
    }

    /** A few markdown lines on one recording. */
    static List<String> summarise(String service, Path file) throws IOException {
        Map<String, Integer> inclusive = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        Map<String, Integer> self = new HashMap<>();
        int samples = 0;
        long firstThrowables = -1, lastThrowables = -1;
        java.time.Instant first = null, last = null;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            String type = e.getEventType().getName();
            if (type.equals("jdk.ExceptionStatistics")) {
                long n = e.getLong("throwables");
                if (firstThrowables < 0) {
                    firstThrowables = n;
                    first = e.getStartTime();
                }
                lastThrowables = n;
                last = e.getStartTime();
            }
            if (!type.equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            samples++;
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            Set<String> areas = new HashSet<>();
            for (RecordedFrame f : frames) {
                String area = area(f);
                if (area != null) {
                    areas.add(area);
                }
            }
            areas.forEach(a -> inclusive.merge(a, 1, Integer::sum));
            // Own time: the library of the topmost frame that belongs to one (JDK frames count for their caller).
            String owner = "JDK and other";
            for (RecordedFrame f : frames) {
                String area = area(f);
                if (area != null) {
                    owner = area;
                    break;
                }
            }
            own.merge(owner, 1, Integer::sum);
            if (!frames.isEmpty()) {
                RecordedFrame top = frames.get(0);
                self.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
            }
        }
        List<String> lines = new ArrayList<>();
        if (samples == 0) {
            lines.add("- **" + service + "**: no CPU samples");
            return lines;
        }
        int n = samples;
        String exceptions = firstThrowables < 0 || first == null || !last.isAfter(first) ? "?"
                : String.format("%.1f", (lastThrowables - firstThrowables) / (Duration.between(first, last).toMillis() / 1000.0));
        lines.add(String.format("- **%s** (%d CPU samples, %s exceptions thrown/s), own time by library: %s", service, n,
                exceptions, top(own, n, 10)));
        lines.add("  - inclusive (a frame of the library anywhere on the stack; wrappers such as Netty's thread, the"
                + " security interceptor or the JTA interceptor cover what they call): " + top(inclusive, n, 10));
        lines.add("  - hottest methods (self): " + top(self, n, 6));
        return lines;
    }

    private static String top(Map<String, Integer> counts, int n, int limit) {
        return String.join(", ", counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
                .map(x -> String.format("%s %.0f %%", x.getKey(), 100.0 * x.getValue() / n)).toList());
    }

    private static String area(RecordedFrame f) {
        if (f.getMethod() == null || f.getMethod().getType() == null) {
            return null;
        }
        String cls = f.getMethod().getType().getName();
        for (Map.Entry<String, List<String>> a : AREAS.entrySet()) {
            for (String prefix : a.getValue()) {
                if (cls.startsWith(prefix)) {
                    return a.getKey();
                }
            }
        }
        return null;
    }
}
