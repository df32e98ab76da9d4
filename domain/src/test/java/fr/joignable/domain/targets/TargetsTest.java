package fr.joignable.domain.targets;

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
        assertThat(t.serviceLevel().status(0.85)).isEqualTo(Status.GREEN);
        assertThat(configured.serviceLevel().status(0.85)).isEqualTo(Status.AMBER);
        assertThat(configured.serviceLevel().status(0.7999)).isEqualTo(Status.RED);
        // a 25 s wait is amber against the default 20 s, green against a 30 s threshold
        assertThat(t.longestWaitS().status(25.0)).isEqualTo(Status.AMBER);
        assertThat(configured.longestWaitS().status(25.0)).isEqualTo(Status.GREEN);
        assertThat(configured.longestWaitS().status(90.0)).isEqualTo(Status.AMBER);
        assertThat(configured.longestWaitS().status(90.1)).isEqualTo(Status.RED);
        assertThat(Targets.from(JoignableConfig.defaults())).isEqualTo(Targets.DEFAULTS);
    }

    @Test
    void serviceLevelIsGreenFrom80AmberFrom70() {
        assertThat(t.serviceLevel().status(1.0)).isEqualTo(Status.GREEN);
        assertThat(t.serviceLevel().status(0.80)).isEqualTo(Status.GREEN);
        assertThat(t.serviceLevel().status(0.7999)).isEqualTo(Status.AMBER);
        assertThat(t.serviceLevel().status(0.70)).isEqualTo(Status.AMBER);
        assertThat(t.serviceLevel().status(0.6999)).isEqualTo(Status.RED);
        assertThat(t.serviceLevel().status(0.0)).isEqualTo(Status.RED);
    }

    @Test
    void abandonRateIsGreenUpTo5AmberUpTo10() {
        assertThat(t.abandonRate().status(0.0)).isEqualTo(Status.GREEN);
        assertThat(t.abandonRate().status(0.05)).isEqualTo(Status.GREEN);
        assertThat(t.abandonRate().status(0.0501)).isEqualTo(Status.AMBER);
        assertThat(t.abandonRate().status(0.10)).isEqualTo(Status.AMBER);
        assertThat(t.abandonRate().status(0.1001)).isEqualTo(Status.RED);
    }

    @Test
    void occupancyIsGreenBetween70And85AmberBetween60And90() {
        assertThat(t.occupancy().status(0.70)).isEqualTo(Status.GREEN);
        assertThat(t.occupancy().status(0.85)).isEqualTo(Status.GREEN);
        assertThat(t.occupancy().status(0.6999)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy().status(0.60)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy().status(0.55)).isEqualTo(Status.RED);
        assertThat(t.occupancy().status(0.0)).isEqualTo(Status.RED);
        assertThat(t.occupancy().status(0.8501)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy().status(0.90)).isEqualTo(Status.AMBER);
        assertThat(t.occupancy().status(0.9001)).isEqualTo(Status.RED);
        assertThat(t.occupancy().status(1.0)).isEqualTo(Status.RED);
    }

    @Test
    void duplicateRateIsGreenUpTo10AmberUpTo20() {
        assertThat(t.duplicateRate().status(0.10)).isEqualTo(Status.GREEN);
        assertThat(t.duplicateRate().status(0.15)).isEqualTo(Status.AMBER);
        assertThat(t.duplicateRate().status(0.20)).isEqualTo(Status.AMBER);
        assertThat(t.duplicateRate().status(0.21)).isEqualTo(Status.RED);
    }

    @Test
    void longestWaitIsGreenUpTo20sAmberUpTo60s() {
        assertThat(t.longestWaitS().status(0.0)).isEqualTo(Status.GREEN);
        assertThat(t.longestWaitS().status(20.0)).isEqualTo(Status.GREEN);
        assertThat(t.longestWaitS().status(20.1)).isEqualTo(Status.AMBER);
        assertThat(t.longestWaitS().status(60.0)).isEqualTo(Status.AMBER);
        assertThat(t.longestWaitS().status(60.1)).isEqualTo(Status.RED);
    }

    @Test
    void undefinedValuesHaveNoStatus() {
        assertThat(t.serviceLevel().status(null)).isEqualTo(Status.NONE);
        assertThat(t.abandonRate().status(Double.NaN)).isEqualTo(Status.NONE);
        assertThat(t.occupancy().status(null)).isEqualTo(Status.NONE);
        assertThat(t.duplicateRate().status(Double.POSITIVE_INFINITY)).isEqualTo(Status.NONE);
        assertThat(t.longestWaitS().status(null)).isEqualTo(Status.NONE);
    }

    @Test
    void boundsOutOfOrderAreRefused() {
        assertThatThrownBy(() -> Band.atLeast(0.7, 0.8))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
