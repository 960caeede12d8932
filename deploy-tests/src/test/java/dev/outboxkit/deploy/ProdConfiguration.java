package dev.outboxkit.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service's production configuration demands of whoever starts it: the environment variables its prod profile
 * reads without a default ({@code ${NAME}}), from its application.properties and the defaults of the support modules
 * it depends on. Every place that starts a packaged service (Compose, the JVM image's training run) must set them.
 */
final class ProdConfiguration {

    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    private ProdConfiguration() {
    }

    static Set<String> variablesWithoutDefault(String service) throws IOException {
        Set<String> required = new TreeSet<>();
        for (Path properties : configurationFiles(service)) {
            for (String line : Files.readAllLines(properties, StandardCharsets.UTF_8)) {
                String trimmed = line.strip();
                if (trimmed.startsWith("#") || (trimmed.startsWith("%") && !trimmed.startsWith("%prod."))) {
                    continue;
                }
                Matcher variable = REQUIRED_VARIABLE.matcher(trimmed);
                while (variable.find()) {
                    required.add(variable.group(1));
                }
            }
        }
        return required;
    }

    /** The service's application.properties and the defaults of the support modules it depends on. */
    private static List<Path> configurationFiles(String service) throws IOException {
        Path root = Repo.root();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve(service).resolve("src/main/resources/application.properties"));
        String pom = Files.readString(root.resolve(service).resolve("pom.xml"));
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.sorted().toList()) {
                Path defaults = module.resolve("src/main/resources/META-INF/microprofile-config.properties");
                String artifact = "<artifactId>" + module.getFileName() + "</artifactId>";
                if (Files.isRegularFile(defaults) && pom.contains(artifact)) {
                    files.add(defaults);
                }
            }
        }
        return files;
    }
}
