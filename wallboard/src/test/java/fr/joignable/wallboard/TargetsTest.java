package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.config.JoignableConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetsTest {

    private final Targets t = Targets.DEFAULTS;

    @Test
    void thePhoneTargetOfJoignableYamlSetsTheColours(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("joignable.yaml"),
                        "channels:\n  PHONE: {service_level: 90/30}\n");
        Targets configured = Targets.from(JoignableConfig.read(file));
        // 85 % is green against the default 80 %, amber against a 90 % target
        assertThat(t.serviceLevel(0.85)).isEqualTo(Status.GREEN);
        assertThat(configured.serviceLevel(0.85)).isEqualTo(Status.AMBER);
        assertThat(configured.serviceLevel(0.7999)).isEqualTo(Status.RED);
        // a 25 s wait is amber against the default 20 s, green against a 30 s threshold
        assertThat(t.longestWait(25.0)).isEqualTo(Status.AMBER);
        assertThat(configured.longestWait(25.0)).isEqualTo(Status.GREEN);
        assertThat(configured.longestWait(90.0)).isEqualTo(Status.AMBER);
        assertThat(configured.longestWait(90.1)).isEqualTo(Status.RED);
        assertThat(Targets.from(JoignableConfig.defaults())).isEqualTo(Targets.DEFAULTS);
    }

    @Test
    void serviceLevelIsGreenFrom80AmberFrom70() {
        assertThat(t.serviceLevel(1.0)).isEqualTo(Status.GREEN);
        assertThat(t.serviceLevel(0.80)).isEqualTo(Status.GREEN);
        assertThat(t.serviceLevel(0.7999)).isEqualTo(Status.AMBER);
        assertThat(t.serviceLevel(0.70)).isEqualTo(Status.AMBER);
        assertThat(t.serviceLevel(0.6999)).isEqualTo(Status.RED);
        assertThat(t.serviceLevel(0.0)).isEqualTo(Status.RED);
    }

    @Test
    void abandonRateIsGreenUpTo5AmberUpTo10() {
        assertThat(t.abandonRate(0.0)).isEqualTo(Status.GREEN);
        assertThat(t.abandonRate(0.05)).isEqualTo(Status.GREEN);
        assertThat(t.abandonRate(0.0501)).isEqualTo(Status.AMBER);
        assertThat(t.abandonRate(0.10)).isEqualTo(Status.AMBER);
        assertThat(t.abandonRate(0.1001)).isEqualTo(Status.RED);
    }

    @Test
    void occupancyIsGreenBetween70And85AmberOutsideUpTo92() {
        assertThat(t.occupancy(0.70)).isEqualTo(Status.GREEN);
        assertThat(t.occupancy(0.85)).isEqualTo(Status.GREEN);
        assertThat(t.occupancy(0.6999)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy(0.0)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy(0.8501)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy(0.92)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy(0.9201)).isEqualTo(Status.RED);
        assertThat(t.occupancy(1.0)).isEqualTo(Status.RED);
    }

    @Test
    void duplicateRateIsGreenUpTo10AmberUpTo20() {
        assertThat(t.duplicateRate(0.10)).isEqualTo(Status.GREEN);
        assertThat(t.duplicateRate(0.15)).isEqualTo(Status.AMBER);
        assertThat(t.duplicateRate(0.20)).isEqualTo(Status.AMBER);
        assertThat(t.duplicateRate(0.21)).isEqualTo(Status.RED);
    }

    @Test
    void longestWaitIsGreenUpTo20sAmberUpTo60s() {
        assertThat(t.longestWait(0.0)).isEqualTo(Status.GREEN);
        assertThat(t.longestWait(20.0)).isEqualTo(Status.GREEN);
        assertThat(t.longestWait(20.1)).isEqualTo(Status.AMBER);
        assertThat(t.longestWait(60.0)).isEqualTo(Status.AMBER);
        assertThat(t.longestWait(60.1)).isEqualTo(Status.RED);
    }

    @Test
    void undefinedValuesHaveNoStatus() {
        assertThat(t.serviceLevel(null)).isEqualTo(Status.NONE);
        assertThat(t.abandonRate(Double.NaN)).isEqualTo(Status.NONE);
        assertThat(t.occupancy(null)).isEqualTo(Status.NONE);
        assertThat(t.duplicateRate(Double.POSITIVE_INFINITY)).isEqualTo(Status.NONE);
        assertThat(t.longestWait(null)).isEqualTo(Status.NONE);
    }

    @Test
    void targetsOutOfOrderAreRefused() {
        assertThatThrownBy(
                        () -> new Targets(0.7, 0.8, 0.05, 0.1, 0.7, 0.85, 0.92, 0.1, 0.2, 20, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
