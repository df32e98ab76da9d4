package fr.joignable.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServiceLevelTargetTest {

    @Test
    void parsesThePlannersNotation() {
        ServiceLevelTarget t = ServiceLevelTarget.parse("80/20");
        assertThat(t.percent()).isEqualTo(80.0);
        assertThat(t.fraction()).isEqualTo(0.8);
        assertThat(t.threshold()).isEqualTo(Duration.ofSeconds(20));
        assertThat(t).hasToString("80/20");
    }

    @Test
    void acceptsDecimalsAndUnits() {
        ServiceLevelTarget t = ServiceLevelTarget.parse(" 90.5 / 19.8 ");
        assertThat(t.percent()).isEqualTo(90.5);
        assertThat(t.threshold()).isEqualTo(Duration.ofMillis(19_800));
        assertThat(ServiceLevelTarget.parse("90/48h").threshold()).isEqualTo(Duration.ofHours(48));
    }

    @ParameterizedTest
    @ValueSource(strings = {"80", "80/", "/20", "0/20", "101/20", "x/20", "80/y", "80/20/5"})
    void rejectsWhatIsNotPOverT(String text) {
        assertThatThrownBy(() -> ServiceLevelTarget.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.trim());
    }
}
