package fr.joignable.cli;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.jobs.KpiJobOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: the centre's {@code joignable.yaml}, shared by every command that reads
 * thresholds or targets. Without the option the search path of {@link JoignableConfig#locate}
 * applies ({@code $JOIGNABLE_CONFIG}, {@code ./joignable.yaml}, {@code
 * ~/.config/joignable/joignable.yaml}); none found means the built-in defaults.
 */
public final class ConfigFileOptions {

    @Option(
            names = "--config",
            paramLabel = "FILE",
            description =
                    "The centre's joignable.yaml (thresholds, targets, opening hours; see"
                            + " docs/configuration.md). Default: $"
                            + JoignableConfig.ENV
                            + ", ./joignable.yaml, ~/.config/joignable/joignable.yaml.")
    Path config;

    /** The file in use, if any. */
    Optional<Path> located() {
        return JoignableConfig.locate(config);
    }

    /** The configuration in use (read and checked now: a bad file fails before any work). */
    JoignableConfig load() {
        return JoignableConfig.load(config);
    }

    /** Points the KPI job at the file in use, after checking it reads. */
    void applyTo(Configuration conf) {
        Optional<Path> file = located();
        if (file.isPresent()) {
            JoignableConfig.read(file.get());
            conf.set(KpiJobOptions.CONFIG_FILE, file.get().toAbsolutePath().toString());
        }
    }
}
