package fr.joignable.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DayPartitionTest {

    @Test
    void aRowBelongsToTheUtcDayOfItsIntervalStart() {
        // 2026-10-04T23:45Z is already Monday 5 October 01:45 in Paris, but the partition is UTC.
        long millis = Instant.parse("2026-10-04T23:45:00Z").toEpochMilli();
        assertThat(DayPartition.ofMillis(millis).directoryName()).isEqualTo("day=2026-10-04");
    }

    @Test
    void parsesOnlyDayDirectories() {
        assertThat(DayPartition.parse("day=2026-10-05"))
                .contains(new DayPartition(LocalDate.parse("2026-10-05")));
        assertThat(DayPartition.parse("day=2026-13-05")).isEmpty();
        assertThat(DayPartition.parse("month=2026-10")).isEmpty();
        assertThat(DayPartition.parse(null)).isEmpty();
    }

    @Test
    void endsByComparesTheWholeUtcDayWithTheCutoff() {
        // Paris midnight of 1 September 2026 (CEST, UTC+2) is 31 August 22:00 UTC.
        Instant parisFirstOfSeptember = Instant.parse("2026-08-31T22:00:00Z");
        assertThat(new DayPartition(LocalDate.parse("2026-08-30")).endsBy(parisFirstOfSeptember))
                .isTrue();
        // day=2026-08-31 holds 22:00–24:00 UTC, i.e. the first two Paris hours of 1 September.
        assertThat(new DayPartition(LocalDate.parse("2026-08-31")).endsBy(parisFirstOfSeptember))
                .isFalse();
    }

    @Test
    void theDayNumberIsThePartitionsUtcDay() {
        // 2026-10-05 is day 20,731 since 1970-01-01 (LocalDate.toEpochDay); 23:59:59.999 still in
        // it
        long start = java.time.Instant.parse("2026-10-05T00:00:00Z").toEpochMilli();
        assertThat(DayPartition.epochDayOf(start)).isEqualTo(20_731L);
        assertThat(DayPartition.epochDayOf(start + 86_399_999L)).isEqualTo(20_731L);
        assertThat(DayPartition.epochDayOf(start + 86_400_000L)).isEqualTo(20_732L);
        // before 1970 the day rounds down, not towards zero
        assertThat(DayPartition.epochDayOf(-1L)).isEqualTo(-1L);
        for (long ms : new long[] {-86_400_001L, -1L, 0L, start - 1, start, start + 43_200_000L}) {
            assertThat(DayPartition.ofMillis(ms).utcDay().toEpochDay())
                    .isEqualTo(DayPartition.epochDayOf(ms));
        }
    }
}
