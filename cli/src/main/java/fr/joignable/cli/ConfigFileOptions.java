package fr.joignable.cli;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.jobs.KpiJobOptions;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;

/**
 * {@code --config FILE} of {@link fr.joignable.wallboard.command.ConfigFileOptions}, plus pointing
 * the Flink KPI job at the file in use.
 */
public final class ConfigFileOptions extends fr.joignable.wallboard.command.ConfigFileOptions {

    /** Points the KPI job at the file in use, after checking it reads. */
    void applyTo(Configuration conf) {
        Optional<Path> file = located();
        if (file.isPresent()) {
            JoignableConfig.read(file.get());
            conf.set(KpiJobOptions.CONFIG_FILE, file.get().toAbsolutePath().toString());
        }
    }
}
