package fr.joignable.domain.targets;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;

/** Invariants of the one status rule, checked on random values (jqwik). */
class BandPropertiesTest {

    private static int rank(Status s) {
        return switch (s) {
            case GREEN -> 0;
            case AMBER -> 1;
            case RED -> 2;
            case NONE -> throw new AssertionError("a finite value has a status");
        };
    }

    /** Higher is better: a larger value never gets a worse colour. */
    @Property
    void atLeastIsMonotone(
            @ForAll @DoubleRange(min = 0, max = 1) double a,
            @ForAll @DoubleRange(min = 0, max = 1) double b) {
        Band band = Targets.DEFAULTS.serviceLevel();
        double low = Math.min(a, b);
        double high = Math.max(a, b);
        assertThat(rank(band.status(high))).isLessThanOrEqualTo(rank(band.status(low)));
    }

    /** Lower is better: the mirror image of {@link #atLeastIsMonotone}. */
    @Property
    void atMostIsTheMirrorOfAtLeast(@ForAll @DoubleRange(min = -1, max = 1) double v) {
        assertThat(Band.atMost(0.05, 0.10).status(v))
                .isEqualTo(Band.atLeast(-0.05, -0.10).status(-v));
    }

    /** Green is exactly the green range, amber the rest of the amber range. */
    @Property
    void withinColoursByRange(@ForAll @DoubleRange(min = 0, max = 1.5) double v) {
        Status s = Targets.DEFAULTS.occupancy().status(v);
        Status expected =
                v >= 0.70 && v <= 0.85
                        ? Status.GREEN
                        : v >= 0.60 && v <= 0.90 ? Status.AMBER : Status.RED;
        assertThat(s).isEqualTo(expected);
    }
}
