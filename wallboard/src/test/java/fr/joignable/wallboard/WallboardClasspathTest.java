package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code joignable wallboard} runs without Flink and without a Kafka broker: the class path the
 * launcher uses ({@code target/classpath.txt}, the module's runtime dependencies) holds neither,
 * and a Flink class cannot be loaded here (the enforcer's {@code no-flink} rule guards the same at
 * build time).
 */
class WallboardClasspathTest {

    private static List<String> launcherClasspath() throws Exception {
        Path file = Path.of(System.getProperty("user.dir"), "target", "classpath.txt");
        if (!Files.exists(file)) {
            // a suffixed build directory (-Djoignable.buildSuffix): the one next to the classes
            Path classes =
                    Path.of(
                            WallboardClasspathTest.class
                                    .getProtectionDomain()
                                    .getCodeSource()
                                    .getLocation()
                                    .toURI());
            file = classes.getParent().resolve("classpath.txt");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return Arrays.asList(text.split(java.io.File.pathSeparator));
    }

    @Test
    void theLauncherClasspathHoldsNoFlinkAndNoBroker() throws Exception {
        List<String> entries = launcherClasspath();
        assertThat(entries)
                .anyMatch(e -> e.contains("kafka-clients"))
                .anyMatch(e -> e.contains("joignable-domain") || e.contains("domain"));
        assertThat(entries)
                .noneMatch(e -> e.contains("org/apache/flink") || e.contains("flink-"))
                .noneMatch(e -> e.contains("kafka-server") || e.contains("kafka_2."))
                .noneMatch(e -> e.contains("kafka-test-common"));
    }

    @Test
    void noFlinkClassCanBeLoaded() {
        assertThatThrownBy(() -> Class.forName("org.apache.flink.configuration.Configuration"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThatThrownBy(
                        () ->
                                Class.forName(
                                        "org.apache.flink.streaming.api.environment"
                                                + ".StreamExecutionEnvironment"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
