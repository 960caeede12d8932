package dev.outboxkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The outbox table is created twice by design: by the local stack, before the relay starts, and by this
 * service's migrations. The two must never drift apart: the stack runs every statement on outboxevent of
 * db/outbox/V*.sql, the same text in the same order, and nothing else on that table.
 */
class OutboxTableDefinitionTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/outbox");
    private static final Pattern OUTBOX_STATEMENT = Pattern.compile(
            "(?:CREATE TABLE IF NOT EXISTS|ALTER TABLE) outboxevent\\b[^;]*;", Pattern.DOTALL);

    @Test
    void migrationsAndLocalStackShapeTheSameOutboxTable() throws IOException {
        List<Path> migrations;
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(OutboxTableDefinitionTest::version))
                    .toList();
        }
        List<String> migrated = new ArrayList<>();
        for (Path migration : migrations) {
            migrated.addAll(statements(migration));
        }
        assertThat(migrated).as("statements on outboxevent in %s", MIGRATIONS).isNotEmpty();
        assertThat(statements(Path.of("../src-deploy/postgres/10-outbox-table.sql"))).isEqualTo(migrated);
    }

    private static int version(Path migration) {
        String name = migration.getFileName().toString();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }

    private static List<String> statements(Path file) throws IOException {
        String sql = Files.readString(file).replaceAll("(?m)--.*$", "");
        List<String> statements = new ArrayList<>();
        Matcher matcher = OUTBOX_STATEMENT.matcher(sql);
        while (matcher.find()) {
            statements.add(matcher.group().replaceAll("\\s+", " "));
        }
        return statements;
    }
}
