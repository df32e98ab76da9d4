package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.config.JoignableConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monthly report and the wallboard colour a figure alike: one targets model and one
 * green/amber/red rule ({@code domain.targets}). Before, occupancy 0.55 was red in the report and
 * amber on the wall, 0.91 amber in one and the other.
 */
class OneStatusRuleTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.30, 0.55, 0.60, 0.65, 0.70, 0.80, 0.85, 0.88, 0.90, 0.91, 0.95})
    void occupancyHasOneColour(double occupancy) {
        String report = fr.joignable.reporting.ReportTargets.DEFAULTS.occupancy(occupancy).name();
        String wall =
                fr.joignable.domain.targets.Targets.from(JoignableConfig.defaults())
                        .occupancy()
                        .status(occupancy)
                        .name();
        assertThat(wall).as("occupancy %s", occupancy).isEqualTo(report);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.50, 0.69, 0.70, 0.75, 0.79, 0.80, 0.95})
    void serviceLevelHasOneColour(double serviceLevel) {
        String report =
                fr.joignable.reporting.ReportTargets.atLeast(
                                serviceLevel,
                                fr.joignable.reporting.ReportTargets.DEFAULTS.slGreen(),
                                fr.joignable.reporting.ReportTargets.DEFAULTS.slAmber())
                        .name();
        String wall =
                fr.joignable.domain.targets.Targets.from(JoignableConfig.defaults())
                        .serviceLevel()
                        .status(serviceLevel)
                        .name();
        assertThat(wall).as("service level %s", serviceLevel).isEqualTo(report);
    }
}
