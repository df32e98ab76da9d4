package fr.joignable.jobs;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.ContactDelta;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The arithmetic of {@code docs/kpis.md} as plain static methods: no Flink here, so every
 * definition and edge is unit-tested directly. Times are epoch milliseconds; "no time" is {@link
 * #NONE}.
 */
public final class Kpis {

    /** Marks a time that was not seen. */
    public static final long NONE = Long.MIN_VALUE;

    private Kpis() {}

    /** Abandoned with a wait strictly below the short-abandon threshold. */
    public static boolean isShortAbandon(long waitMs, long shortAbandonMs) {
        return waitMs < shortAbandonMs;
    }

    /** Answered with a wait at most the service-level threshold. */
    public static boolean isInServiceLevel(long waitMs, long serviceLevelMs) {
        return waitMs <= serviceLevelMs;
    }

    /**
     * Whether contact {@code a} is "earlier" than contact {@code b}: earlier offer time, or equal
     * time and smaller contactId.
     */
    public static boolean isEarlier(long aTs, String aId, long bTs, String bId) {
        return aTs < bTs || (aTs == bTs && aId.compareTo(bId) < 0);
    }

    /**
     * Whether an earlier contact at {@code earlierTs} makes the contact at {@code laterTs} a
     * duplicate: the window is half-open, so exactly one window before does not count.
     */
    public static boolean withinDuplicateWindow(long earlierTs, long laterTs, long windowMs) {
        return laterTs - earlierTs < windowMs;
    }

    /** Talk + wrap-up: talk = end − answer (0 when never answered), wrap-up 0 when not seen. */
    public static long handleMillis(long answerTs, long endTs, long wrapEndTs) {
        long talk = answerTs == NONE ? 0 : endTs - answerTs;
        long wrap = wrapEndTs == NONE ? 0 : wrapEndTs - endTs;
        return talk + wrap;
    }

    /** {@code num / den}, or null when the denominator is 0. */
    public static Double ratio(double num, double den) {
        return den == 0 ? null : num / den;
    }

    /**
     * Service level = {@code answeredInSl / (offered − shortAbandoned − closed)}: contacts diverted
     * because the centre was closed could not have been answered and are left out, like short
     * abandons; null when the denominator is 0.
     */
    public static Double serviceLevel(
            long answeredInSl, long offered, long shortAbandoned, long closed) {
        return ratio(answeredInSl, offered - shortAbandoned - closed);
    }

    /** Abandon rate = {@code abandoned / (offered − shortAbandoned − closed)}; null when 0. */
    public static Double abandonRate(
            long abandoned, long offered, long shortAbandoned, long closed) {
        return ratio(abandoned, offered - shortAbandoned - closed);
    }

    /** {@link #serviceLevel(long, long, long, long)} with no closed diversion (the live view). */
    public static Double serviceLevel(long answeredInSl, long offered, long shortAbandoned) {
        return serviceLevel(answeredInSl, offered, shortAbandoned, 0);
    }

    /** {@link #abandonRate(long, long, long, long)} with no closed diversion (the live view). */
    public static Double abandonRate(long abandoned, long offered, long shortAbandoned) {
        return abandonRate(abandoned, offered, shortAbandoned, 0);
    }

    /** The one outcome of an offered contact. */
    public enum Outcome {
        /** Still waiting at the end of the data: offered only. */
        NONE,
        ANSWERED,
        ABANDONED,
        DIVERTED
    }

    /**
     * The outcome of a contact from the times of its outcome events ({@link #NONE} when absent): a
     * contact with an answer is answered, whatever else it has; otherwise the earlier of its
     * abandon and its diversion counts, the diversion at equal times.
     */
    public static Outcome outcome(long answerTs, long abandonTs, long divertTs) {
        if (answerTs != NONE) {
            return Outcome.ANSWERED;
        }
        if (abandonTs != NONE && (divertTs == NONE || abandonTs < divertTs)) {
            return Outcome.ABANDONED;
        }
        return divertTs != NONE ? Outcome.DIVERTED : Outcome.NONE;
    }

    /** Mean in seconds of a millisecond sum over {@code n}, null when n is 0. */
    public static Double meanSeconds(long sumMs, long n) {
        return n == 0 ? null : sumMs / 1000.0 / n;
    }

    public static Double occupancy(double readyS, double busyS, double wrapS) {
        return ratio(busyS + wrapS, readyS + busyS + wrapS);
    }

    /**
     * The contributions of one offered contact: its counts to its offer interval, its handling to
     * its end interval (one delta when both are the same interval). The counts follow its one
     * {@link #outcome}: answered (wait and service level), abandoned (short or not) or diverted
     * ({@code closed} too when the reason is {@code CLOSED}). Duplicates are decided elsewhere.
     */
    public static List<ContactDelta> contactDeltas(
            long offerTs,
            String queue,
            Channel channel,
            String intent,
            boolean identified,
            long answerTs,
            long abandonTs,
            long divertTs,
            boolean divertClosed,
            long endTs,
            long wrapEndTs,
            ChannelThresholds.Threshold threshold) {
        List<ContactDelta> out = new ArrayList<>(2);
        ContactDelta offer =
                new ContactDelta(Intervals.startOf(offerTs), queue, channel.name(), intent);
        offer.offered = 1;
        offer.identified = identified ? 1 : 0;
        switch (outcome(answerTs, abandonTs, divertTs)) {
            case ANSWERED -> {
                long wait = answerTs - offerTs;
                offer.answered = 1;
                offer.waitSumMs = wait;
                offer.answeredInSl = isInServiceLevel(wait, threshold.serviceLevelMillis()) ? 1 : 0;
            }
            case ABANDONED -> {
                if (isShortAbandon(abandonTs - offerTs, threshold.shortAbandonMillis())) {
                    offer.shortAbandoned = 1;
                } else {
                    offer.abandoned = 1;
                }
            }
            case DIVERTED -> {
                offer.diverted = 1;
                offer.closed = divertClosed ? 1 : 0;
            }
            default -> {}
        }
        out.add(offer);
        if (endTs != NONE) {
            long endInterval = Intervals.startOf(endTs);
            ContactDelta end =
                    endInterval == offer.intervalStart
                            ? offer
                            : new ContactDelta(endInterval, queue, channel.name(), intent);
            end.handled = 1;
            end.handleSumMs = handleMillis(answerTs, endTs, wrapEndTs);
            if (end != offer) {
                out.add(end);
            }
        }
        return out;
    }

    /** The {@code contact_intervals} row of summed contributions. */
    public static ContactIntervalRow contactRow(ContactDelta s) {
        return new ContactIntervalRow(
                Instant.ofEpochMilli(s.intervalStart),
                s.queue,
                Channel.valueOf(s.channel),
                s.offered,
                s.answered,
                s.shortAbandoned,
                s.abandoned,
                s.answeredInSl,
                serviceLevel(s.answeredInSl, s.offered, s.shortAbandoned, s.closed),
                abandonRate(s.abandoned, s.offered, s.shortAbandoned, s.closed),
                meanSeconds(s.waitSumMs, s.answered),
                s.handled,
                meanSeconds(s.handleSumMs, s.handled),
                s.identified,
                s.duplicates,
                s.duplicatesAfterAbandon,
                ratio(s.duplicates, s.identified),
                s.diverted,
                s.closed);
    }

    /** A row exists when the cell has at least one offered or handled contact. */
    public static boolean hasContactRow(ContactDelta s) {
        return s.offered > 0 || s.handled > 0;
    }

    /** Receives the pieces of a time span split at interval boundaries. */
    @FunctionalInterface
    public interface SpanConsumer {
        void accept(long intervalStart, long millis);
    }

    /** Splits {@code [from, to)} at the 15-minute boundaries; nothing when empty. */
    public static void splitAtIntervals(long from, long to, SpanConsumer out) {
        long t = from;
        while (t < to) {
            long start = Intervals.startOf(t);
            long end = Math.min(to, start + Intervals.INTERVAL_MILLIS);
            out.accept(start, end - t);
            t = end;
        }
    }

    /** Index of a state in the agent sums: READY, BUSY, WRAP_UP, NOT_READY; -1 for LOGGED_OUT. */
    public static int stateIndex(String state) {
        return switch (state) {
            case "READY" -> 0;
            case "BUSY" -> 1;
            case "WRAP_UP" -> 2;
            case "NOT_READY" -> 3;
            default -> -1;
        };
    }

    /**
     * The {@code agent_intervals} row of per-state millisecond sums (ready, busy, wrap, not ready).
     */
    public static AgentIntervalRow agentRow(long intervalStart, String team, long[] millis) {
        double ready = millis[0] / 1000.0;
        double busy = millis[1] / 1000.0;
        double wrap = millis[2] / 1000.0;
        double notReady = millis[3] / 1000.0;
        double staffed = (millis[0] + millis[1] + millis[2] + millis[3]) / 1000.0;
        return new AgentIntervalRow(
                Instant.ofEpochMilli(intervalStart),
                team,
                staffed,
                ready,
                busy,
                wrap,
                notReady,
                occupancy(ready, busy, wrap));
    }
}
