package dev.outboxkit.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's root directory, wherever Maven was started from. */
final class Repo {

    private Repo() {
    }

    static Path root() {
        String hint = System.getProperty("outboxkit.repo.root");
        Path start = (hint == null || hint.isBlank() ? Path.of("") : Path.of(hint)).toAbsolutePath().normalize();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isDirectory(dir.resolve("src-deploy"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No directory with k8s/ and src-deploy/ at or above " + start);
    }

    /**
     * The PostgreSQL major version that the local stack runs, and so every test and CI (src-deploy/stack's
     * PG_BIN): Compose and Kubernetes run the same one.
     */
    static String testedPostgresMajor() {
        try {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("/usr/lib/postgresql/(\\d+)/bin")
                    .matcher(Files.readString(path("src-deploy/stack")));
            if (!m.find()) {
                throw new IllegalStateException("src-deploy/stack names no /usr/lib/postgresql/<major>/bin");
            }
            return m.group(1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
