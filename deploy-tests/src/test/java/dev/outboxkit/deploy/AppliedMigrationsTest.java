package dev.outboxkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A Flyway migration is frozen once it is on main: Flyway checksums every applied file, comments included, and a
 * service whose file no longer matches what a database recorded refuses to start ("Migration checksum mismatch").
 * Every versioned migration in the repository is listed with its SHA-256 in applied-migrations.sha256; a change is
 * a new migration, never an edit. A new file is added to the list with {@code sha256sum <path>}.
 */
class AppliedMigrationsTest {

    private static final Path LIST = Path.of("src/test/resources/applied-migrations.sha256");

    @Test
    void no_migration_changes_after_it_is_listed_and_every_migration_is_listed() throws IOException {
        Map<String, String> listed = listed();
        Map<String, String> found = found();

        assertThat(found).as("migrations in the repository against %s (a listed one was edited, moved or deleted, or a new"
                + " one is not listed yet: `sha256sum <path> >> deploy-tests/%s`)", LIST, LIST)
                .containsExactlyInAnyOrderEntriesOf(listed);
    }

    private static Map<String, String> listed() throws IOException {
        return Files.readAllLines(LIST).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#"))
                .map(line -> line.split("\\s+", 2))
                .collect(Collectors.toMap(parts -> parts[1], parts -> parts[0], (a, b) -> a, TreeMap::new));
    }

    private static Map<String, String> found() throws IOException {
        Path root = Repo.root();
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(AppliedMigrationsTest::isMigration)
                    .collect(Collectors.toMap(file -> root.relativize(file).toString(), AppliedMigrationsTest::sha256,
                            (a, b) -> a, TreeMap::new));
        }
    }

    /** A versioned Flyway migration in the sources: a service's, a shared module's, or the outbox's in src-deploy. */
    private static boolean isMigration(Path file) {
        String path = file.toString().replace('\\', '/');
        return file.getFileName().toString().matches("V\\d+__.+\\.sql")
                && !path.contains("/target/") && !path.contains("/.stack/") && !path.contains("/.git/")
                && (path.contains("/src/main/resources/db/") || path.contains("/src-deploy/postgres/outbox/"));
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(file.toString(), e);
        }
    }
}
