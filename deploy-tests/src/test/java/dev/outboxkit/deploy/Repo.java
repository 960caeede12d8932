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

    static Path path(String relative) {
        return root().resolve(relative);
    }
}
