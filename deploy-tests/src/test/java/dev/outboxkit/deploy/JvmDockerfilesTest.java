package dev.outboxkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Each JVM image carries the JDK 25 AOT cache of its service (README "Start-up"). A cache is valid only for the JVM
 * build that wrote it, so the image writes it itself, in a training run on its own base image, and the container
 * starts with exactly that file. The training run starts the service with nothing to talk to: it may not migrate,
 * discover OIDC, or stop at a variable the prod profile has no default for.
 */
class JvmDockerfilesTest {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+\\S+/openjdk-(\\d+)-runtime:\\S+$");
    private static final Pattern TRAINING = Pattern.compile("(?s)\\nRUN (.*?-XX:AOTCacheOutput=(\\S+?)[\\s\"].*?)\\n\\n");
    private static final Pattern RUNTIME_CACHE = Pattern.compile("(?m)^ENV JAVA_OPTS_APPEND=\".*-XX:AOTCache=(\\S+?)[\\s\"]");

    @Test
    void eachImageTrainsItsAotCacheOnItsOwnJdk25BaseAndStartsWithIt() throws IOException {
        for (String service : WorkloadTest.SERVICES.keySet()) {
            String dockerfile = dockerfile(service);
            Matcher from = FROM.matcher(dockerfile);
            assertThat(from.results().toList()).as("%s: one stage, a JDK runtime image", service).hasSize(1);
            assertThat(Integer.parseInt(from.reset().results().findFirst().orElseThrow().group(1)))
                    .as("%s: the JDK's AOT cache needs JDK 25 (JEP 514)", service).isGreaterThanOrEqualTo(25);
            Matcher training = training(service, dockerfile);
            Matcher runtime = RUNTIME_CACHE.matcher(dockerfile);
            assertThat(runtime.find()).as("%s starts with -XX:AOTCache", service).isTrue();
            assertThat(runtime.group(1)).as("%s starts with the cache its training run wrote", service)
                    .isEqualTo(training.group(2));
            assertThat(dockerfile.indexOf(training.group(0))).as("%s trains after the application is copied", service)
                    .isGreaterThan(dockerfile.lastIndexOf("COPY "));
        }
    }

    @Test
    void theTrainingRunStartsTheServiceWithNothingToTalkToAndExits() throws IOException {
        for (String service : WorkloadTest.SERVICES.keySet()) {
            String run = training(service, dockerfile(service)).group(1);
            assertThat(run).as("%s training run", service).contains("QUARKUS_INIT_AND_EXIT=true",
                    "FLYWAY_MIGRATE_AT_START=false", "OIDC_DISCOVERY_ENABLED=false", "run-java.sh");
            for (String variable : ProdConfiguration.variablesWithoutDefault(service)) {
                assertThat(run).as("%s has no default for %s in the prod profile: the training run sets it", service,
                        variable).containsPattern("\\b" + variable + "=\\S");
            }
        }
    }

    private static Matcher training(String service, String dockerfile) {
        Matcher training = TRAINING.matcher(dockerfile);
        assertThat(training.find()).as("%s: a RUN that writes -XX:AOTCacheOutput", service).isTrue();
        return training;
    }

    private static String dockerfile(String service) throws IOException {
        Path path = Repo.root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
        return Files.readString(path);
    }
}
