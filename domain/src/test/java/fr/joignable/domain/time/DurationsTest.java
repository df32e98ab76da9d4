package fr.joignable.domain.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "20s,20",
        "5m,300",
        "1h,3600",
        "48h,172800",
        "7d,604800",
        "243.5s,243.5",
        "30,30",
        "0.5m,30",
        "1500ms,1.5",
        "90s,90",
        "PT1M30S,90",
        "pt0.5s,0.5",
        "P2D,172800",
        "PT48H,172800"
    })
    void parsesUnits(String text, double seconds) {
        assertThat(Durations.parseSeconds(text)).isCloseTo(seconds, within(1e-9));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-5s", "5 weeks", "1e3s", "PT-5S", "P", "PT", "P1M"})
    void rejectsOtherForms(String text) {
        assertThatThrownBy(() -> Durations.parseSeconds(text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theIsoFormRoundsLikeTheShortOne() {
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Durations.parse("90s"));
        assertThat(Durations.parse("PT0.0004S")).isEqualTo(java.time.Duration.ZERO);
    }

    @Test
    void intervalsAreAlignedToTheEpoch() {
        assertThat(Intervals.startOf(0L)).isZero();
        assertThat(Intervals.startOf(899_999L)).isZero();
        assertThat(Intervals.startOf(900_000L)).isEqualTo(900_000L);
        assertThat(Intervals.startOf(-1L)).isEqualTo(-900_000L);
    }
}
