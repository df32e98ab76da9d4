package fr.joignable.wallboard.command;

import fr.joignable.domain.config.JoignableConfig;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --config FILE}: the centre's {@code joignable.yaml}, shared by every command that reads
 * thresholds or targets. Without the option the search path of {@link JoignableConfig#locate}
 * applies ({@code $JOIGNABLE_CONFIG}, {@code ./joignable.yaml}, {@code
 * ~/.config/joignable/joignable.yaml}); none found means the built-in defaults. Flink-free (the
 * wallboard's); the {@code cli} module extends it to point the Flink job at the file.
 */
public class ConfigFileOptions {

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
    public Optional<Path> located() {
        return JoignableConfig.locate(config);
    }

    /** The configuration in use (read and checked now: a bad file fails before any work). */
    public JoignableConfig load() {
        return JoignableConfig.load(config);
    }
}
