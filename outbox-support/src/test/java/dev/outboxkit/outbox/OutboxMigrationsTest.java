package dev.outboxkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The outbox table has one definition, src-deploy/postgres/outbox/V*.sql: this module packages those files as the
 * Flyway location db/outbox, and the local stack, Compose and k8s/ run the same files before the relay starts. So
 * Flyway meets a table that may already be there: every statement must be one that does nothing the second time.
 */
class OutboxMigrationsTest {

    private static final Path SOURCE = Path.of("../src-deploy/postgres/outbox");
    private static final String IDEMPOTENT = "(?s)(CREATE TABLE IF NOT EXISTS outboxevent"
            + "|ALTER TABLE outboxevent ADD COLUMN IF NOT EXISTS"
            + "|CREATE (UNIQUE )?INDEX IF NOT EXISTS \\w+ ON outboxevent)\\b.*";

    @Test
    void the_jar_carries_exactly_the_files_of_src_deploy_as_db_outbox() throws IOException, URISyntaxException {
        URL packaged = getClass().getClassLoader().getResource("db/outbox");
        assertThat(packaged).as("db/outbox on the class path (outbox-support's pom, <resources>)").isNotNull();
        Path classpath = Path.of(packaged.toURI());
        List<String> sources = names(SOURCE);
        assertThat(sources).isNotEmpty().allMatch(n -> n.matches("V\\d+__\\w+\\.sql"),
                "named V<integer>__<description>.sql, so that `sort -V` (stack, Compose, k8s) and Flyway agree on the order");
        assertThat(names(classpath)).isEqualTo(sources);
        for (String name : sources) {
            assertThat(Files.readString(classpath.resolve(name))).as(name).isEqualTo(Files.readString(SOURCE.resolve(name)));
        }
    }

    @Test
    void every_statement_is_idempotent() throws IOException {
        for (String name : names(SOURCE)) {
            String sql = Files.readString(SOURCE.resolve(name)).replaceAll("(?m)--.*$", "");
            List<String> statements = Arrays.stream(sql.split(";")).map(s -> s.strip().replaceAll("\\s+", " "))
                    .filter(s -> !s.isEmpty()).toList();
            assertThat(statements).as(name).isNotEmpty()
                    .allSatisfy(s -> assertThat(s).as("%s: a statement that does nothing when run again", name).matches(IDEMPOTENT));
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
