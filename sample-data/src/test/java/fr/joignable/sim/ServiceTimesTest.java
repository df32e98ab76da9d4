package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import org.junit.jupiter.api.Test;

/**
 * Service times of the default centre against the documented medians and means: RENT_RECEIPT talks
 * 150 s on the phone, × 1.7 by chat (255 s); wrap-up 40 s, × 1.5 for email (60 s); patience
 * exponential of mean 180 s (360 s for chat) but 3 % short abandons uniform in [1 s, 4.9 s).
 */
class ServiceTimesTest {

    private static final int N = 100_000;

    private static Contact contact(Channel channel) {
        return new Contact("C1", 1, 0, channel, Intent.RENT_RECEIPT, 0, true, 1);
    }

    /** Share of draws below {@code median}: 1/2 within 4 standard errors, √(0.25 / N). */
    private static void hasMedian(java.util.function.LongSupplier draw, long median) {
        int below = 0;
        for (int i = 0; i < N; i++) {
            if (draw.getAsLong() < median) {
                below++;
            }
        }
        assertThat((double) below / N).isCloseTo(0.5, within(4 * Math.sqrt(0.25 / N)));
    }

    @Test
    void talkAndWrapUpHaveTheirMedians() {
        ServiceTimes times = new ServiceTimes(SimulatorOptions.defaults(), new Draws(1));
        hasMedian(() -> times.talk(contact(Channel.PHONE)), 150_000);
        hasMedian(() -> times.talk(contact(Channel.CHAT)), 255_000);
        hasMedian(() -> times.wrapUp(contact(Channel.PHONE)), 40_000);
        hasMedian(() -> times.wrapUp(contact(Channel.EMAIL)), 60_000);
    }

    @Test
    void talkAndWrapUpAreClamped() {
        ServiceTimes times = new ServiceTimes(SimulatorOptions.defaults(), new Draws(2));
        for (int i = 0; i < N; i++) {
            assertThat(times.talk(contact(Channel.LETTER))).isBetween(5_000L, 3_600_000L);
            assertThat(times.wrapUp(contact(Channel.LETTER))).isBetween(1_000L, 1_200_000L);
        }
    }

    @Test
    void patienceMixesShortAbandonsAndAnExponential() {
        ServiceTimes times = new ServiceTimes(SimulatorOptions.defaults(), new Draws(3));
        for (Channel c : new Channel[] {Channel.PHONE, Channel.CHAT}) {
            double mean = c == Channel.CHAT ? 360_000 : 180_000;
            long sum = 0;
            int shortOnes = 0;
            for (int i = 0; i < N; i++) {
                long p = times.patience(c);
                sum += p;
                if (p < 4_900) {
                    shortOnes++;
                }
            }
            // E = 0.03 × 2,950 ms + 0.97 × mean; sd about the mean: tolerance 4 mean / √N
            double expected = 0.03 * 2_950 + 0.97 * mean;
            assertThat((double) sum / N)
                    .as(c.name())
                    .isCloseTo(expected, within(4 * mean / Math.sqrt(N)));
            // short abandons, plus the exponential's own mass below 4.9 s: 1 − e^(−4.9 / mean)
            double p = 0.03 + 0.97 * (1 - Math.exp(-4_900 / mean));
            assertThat((double) shortOnes / N)
                    .as(c.name())
                    .isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / N)));
        }
    }
}
