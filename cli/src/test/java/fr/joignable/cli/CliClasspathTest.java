package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The command line's class path ({@code target/classpath.txt}, what {@code ./joignable} runs with)
 * carries no Kafka broker; the demo's broker comes from {@code target/devkit-classpath.txt} (see
 * {@link DevKit}).
 */
class CliClasspathTest {

    private static List<String> entries(String name) throws Exception {
        Path classes =
                Path.of(
                        CliClasspathTest.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI());
        Path file = classes.getParent().resolve(name);
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        return Arrays.asList(text.split(File.pathSeparator));
    }

    @Test
    void theToolCarriesNoBroker() throws Exception {
        assertThat(entries("classpath.txt"))
                .anyMatch(e -> e.contains("kafka-clients"))
                .noneMatch(e -> e.contains("kafka-server"))
                .noneMatch(e -> e.contains("kafka_2."))
                .noneMatch(e -> e.contains("kafka-test-common"))
                .noneMatch(e -> e.contains("devkit"));
    }

    @Test
    void theDemoFindsTheBrokerInTheDevkitClasspath() throws Exception {
        assertThat(entries("devkit-classpath.txt"))
                .anyMatch(e -> e.contains("devkit"))
                .anyMatch(e -> e.contains("kafka-server"))
                .anyMatch(e -> e.contains("kafka-test-common-runtime"))
                .noneMatch(e -> e.contains("picocli-codegen"))
                .noneMatch(e -> e.contains("kafka-clients"));
    }
}
