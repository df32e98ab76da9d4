package fr.joignable.domain.time;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Interval splitting, checked on random instants (jqwik), before 1970 included. */
class IntervalsPropertiesTest {

    @Property
    void everyInstantLiesInItsIntervalAndIntervalsTile(
            @ForAll @LongRange(min = -4_000_000_000_000L, max = 4_000_000_000_000L) long t) {
        long start = Intervals.startOf(t);
        long end = Intervals.endOf(t);
        assertThat(start).isLessThanOrEqualTo(t);
        assertThat(t).isLessThan(end);
        assertThat(end - start).isEqualTo(Intervals.INTERVAL_MILLIS);
        assertThat(Math.floorMod(start, Intervals.INTERVAL_MILLIS)).isZero();
        // the next interval starts where this one ends
        assertThat(Intervals.startOf(end)).isEqualTo(end);
        assertThat(Intervals.startOf(start)).isEqualTo(start);
    }
}
