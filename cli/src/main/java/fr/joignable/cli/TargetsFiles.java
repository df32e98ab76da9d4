package fr.joignable.cli;

import fr.joignable.forecasting.staffing.TargetsConfig;
import java.nio.file.Path;

/**
 * The staffing targets of a planning command: {@code --targets FILE} when given (a targets-only
 * file), else the centre's {@code joignable.yaml} ({@code --config} and its search path), else the
 * documented defaults. One parse of the file ({@link TargetsConfig#from}).
 */
final class TargetsFiles {

    private TargetsFiles() {}

    static TargetsConfig resolve(
            Path targets, fr.joignable.wallboard.command.ConfigFileOptions configFile) {
        if (targets != null) {
            return TargetsConfig.read(targets);
        }
        return TargetsConfig.from(configFile.load());
    }
}
