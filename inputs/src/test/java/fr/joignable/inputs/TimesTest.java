package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The time forms exports write; expected instants converted by hand (Paris = UTC+2 in October). */
class TimesTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void epochsInSecondsFractionsAndMilliseconds() {
        assertThat(Times.parse("1759651200", null, PARIS))
                .isEqualTo(Instant.parse("2025-10-05T08:00:00Z"));
        assertThat(Times.parse("1759651200.25", null, PARIS))
                .isEqualTo(Instant.parse("2025-10-05T08:00:00.250Z"));
        assertThat(Times.parse("1759651200250", null, PARIS))
                .isEqualTo(Instant.parse("2025-10-05T08:00:00.250Z"));
    }

    @Test
    void localTimesUseTheZoneAndOffsetsWin() {
        assertThat(Times.parse("2026-10-05 09:12:44", null, PARIS))
                .isEqualTo(Instant.parse("2026-10-05T07:12:44Z"));
        assertThat(Times.parse("2026-10-05 09:12:44.123456", null, PARIS))
                .isEqualTo(Instant.parse("2026-10-05T07:12:44.123456Z"));
        assertThat(Times.parse("2026-10-05T09:12:44+00", null, PARIS))
                .isEqualTo(Instant.parse("2026-10-05T09:12:44Z"));
        assertThat(Times.parse("2026-10-05T09:12:44+02:00", null, ZoneOffset.UTC))
                .isEqualTo(Instant.parse("2026-10-05T07:12:44Z"));
        assertThat(Times.parse("2026-10-05T07:12:44.000Z", null, PARIS))
                .isEqualTo(Instant.parse("2026-10-05T07:12:44Z"));
        // the autumn change: 02:30 exists twice in Paris; java.time takes the earlier (summer) one
        assertThat(Times.parse("2026-10-25 02:30:00", null, PARIS))
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void unreadableTimesSayWhat() {
        assertThatThrownBy(() -> Times.parse("le 5 octobre", null, PARIS))
                .hasMessage("unreadable time 'le 5 octobre'");
        assertThatThrownBy(() -> Times.parse("", null, PARIS)).hasMessage("empty time");
    }
}
