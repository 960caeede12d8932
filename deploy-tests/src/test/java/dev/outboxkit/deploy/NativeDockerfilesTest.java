package dev.outboxkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * A native executable runs only on a base with at least the glibc of the image that built it. Quarkus 3.34
 * builds in the UBI 9 Mandrel builder (glibc 2.34); on the UBI 8 micro image (glibc 2.28) the pods exit at
 * once with "GLIBC_2.3x not found". So every native runtime image is the UBI 9 micro image, and the
 * multi-stage build compiles in the UBI 9 builder for the JDK the project builds with.
 */
class NativeDockerfilesTest {

    private static final String RUNTIME = "quay.io/quarkus/ubi9-quarkus-micro-image:2.0";
    private static final String BUILDER = "quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-25";
    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)");

    @Test
    void eachServicesNativeMicroDockerfileRunsOnTheUbi9MicroImage() throws IOException {
        for (String service : WorkloadTest.SERVICES.keySet()) {
            Path dockerfile = Repo.root().resolve(service).resolve("src/main/docker/Dockerfile.native-micro");
            assertThat(bases(dockerfile)).as("%s", dockerfile).containsExactly(RUNTIME);
        }
    }

    @Test
    void theMultiStageBuildCompilesInTheUbi9BuilderAndRunsOnTheUbi9MicroImage() throws IOException {
        Path dockerfile = Repo.root().resolve("src-deploy/docker/Dockerfile.native");
        List<String> bases = bases(dockerfile);
        assertThat(bases).as("%s: Java build, native compilation, runtime", dockerfile).hasSize(3);
        assertThat(bases.get(1)).isEqualTo(BUILDER);
        assertThat(bases.getLast()).isEqualTo(RUNTIME);
        assertThat(Files.readString(dockerfile))
                .as("the Java stage writes the native sources that the builder compiles")
                .contains("-Dquarkus.native.sources-only=true", "native-image.args");
    }

    @Test
    void theBuildContextLeavesOutTheLocalStackAndBuildOutput() throws IOException {
        assertThat(Files.readAllLines(Repo.root().resolve(".dockerignore"))).contains(".stack", "**/target");
    }

    private static List<String> bases(Path dockerfile) throws IOException {
        Matcher matcher = FROM.matcher(Files.readString(dockerfile));
        return matcher.results().map(m -> m.group(1)).toList();
    }
}
