package dev.outboxkit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The outbox table is created twice by design: by the local stack, before the relay starts, and by this
 * service's migration. The two statements must never drift apart.
 */
class OutboxTableDefinitionTest {

    private static final Pattern CREATE_OUTBOX = Pattern.compile(
            "CREATE TABLE IF NOT EXISTS outboxevent \\(.*?\\);", Pattern.DOTALL);

    @Test
    void migrationAndLocalStackCreateTheSameOutboxTable() throws IOException {
        String migration = statement(Path.of("src/main/resources/db/outbox/V1__outbox.sql"));
        String stack = statement(Path.of("../src-deploy/postgres/10-outbox-table.sql"));
        assertThat(migration).isEqualTo(stack);
    }

    private static String statement(Path file) throws IOException {
        Matcher matcher = CREATE_OUTBOX.matcher(Files.readString(file));
        assertThat(matcher.find()).as("CREATE TABLE IF NOT EXISTS outboxevent in %s", file).isTrue();
        return matcher.group().replaceAll("\\s+", " ");
    }
}
