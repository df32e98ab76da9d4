package fr.joignable.sim;

import static fr.joignable.sim.Millis.MINUTE;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The first contacts of a day (repeats are planned by {@link Repeats}): per channel a
 * non-homogeneous Poisson process, constant within each quarter-hour.
 *
 * <p>Model. The day's expected volume of a channel is its monthly volume (the options) spread over
 * the days it is open — live channels and letters over {@link ContactModel#WORKING_DAYS_PER_YEAR}
 * working days a year, shaped by {@link ContactModel#weekdayFactor}; email and portal over every
 * day, shaped by {@link ContactModel#deferredDayFactor} (a public holiday counts as a Sunday) —
 * times the intent mix of the date (Σ base share × yearly shape, {@link ContactModel#seasonal}). It
 * is shared among the quarter-hours the channel is open (live channels: the opening hours; others:
 * the whole day) in proportion to {@link ContactModel#intraday} × the slot's length, and each slot
 * draws a Poisson count placed uniformly in it. Each contact's intent is drawn from the date's mix
 * and its tenant uniformly among the homes.
 *
 * <p>On working days the phone also gets closed-hour calls ({@link #closedHourCalls}): a Poisson
 * number of mean {@link Diversions#closedCallShare()} × the day's phone volume, uniform over the
 * hours between {@link Diversions#earliestCall()} and opening and between closing and {@link
 * Diversions#latestCall()}.
 *
 * <p>Assumptions: arrivals of different channels, slots and days are independent; a day of 23 or 25
 * hours (the clocks change) has 92 or 100 slots.
 */
final class ArrivalProcess {

    private static final long SLOT = 15 * MINUTE;

    private final SimulatorOptions options;
    private final Diversions diversions;
    private final Draws draws;

    ArrivalProcess(SimulatorOptions options, Diversions diversions, Draws draws) {
        this.options = options;
        this.diversions = diversions;
        this.draws = draws;
    }

    /** The day's first contacts, all channels, in the order drawn (not in time order). */
    List<Arrival> day(CentreDay day) {
        List<Arrival> out = new ArrayList<>();
        LocalDate date = day.date();
        Intent[] intents = ContactModel.intents();
        double[] cumulative = new double[intents.length];
        double total = 0;
        for (int i = 0; i < intents.length; i++) {
            total += ContactModel.baseShare(intents[i]) * ContactModel.seasonal(intents[i], date);
            cumulative[i] = total;
        }
        IntentMix mix = new IntentMix(intents, cumulative, total);
        for (Channel channel : Channel.values()) {
            double daily = dailyVolume(channel, day) * total;
            if (daily <= 0) {
                continue;
            }
            List<long[]> slots = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            double sum = 0;
            for (long s = day.start(); s < day.end(); s += SLOT) {
                long from = s;
                long to = Math.min(s + SLOT, day.end());
                if (channel.isLive()) {
                    from = Math.max(from, day.opens());
                    to = Math.min(to, day.closes());
                }
                if (to <= from) {
                    continue;
                }
                LocalTime local = Instant.ofEpochMilli(from).atZone(options.zone()).toLocalTime();
                double w = ContactModel.intraday(channel, local) * (to - from) / SLOT;
                if (w <= 0) {
                    continue;
                }
                slots.add(new long[] {from, to});
                weights.add(w);
                sum += w;
            }
            if (channel == Channel.PHONE && day.workingDay()) {
                closedHourCalls(day, daily, mix, out);
            }
            for (int k = 0; k < slots.size(); k++) {
                int n = draws.poisson(daily * weights.get(k) / sum);
                long[] slot = slots.get(k);
                for (int j = 0; j < n; j++) {
                    long t = slot[0] + (long) (draws.uniform() * (slot[1] - slot[0]));
                    out.add(arrival(t, channel, mix));
                }
            }
        }
        return out;
    }

    /**
     * The expected contacts of {@code channel} on the day before the intent mix: the monthly volume
     * per open day times the weekly shape (see the class comment).
     */
    double dailyVolume(Channel channel, CentreDay day) {
        DayOfWeek dow = day.date().getDayOfWeek();
        boolean workingDay = day.workingDay();
        double perWorkingDay = 12 / ContactModel.WORKING_DAYS_PER_YEAR;
        double perDay = 12 / 365.0;
        boolean holiday = !workingDay && dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
        DayOfWeek deferredDay = holiday ? DayOfWeek.SUNDAY : dow;
        return switch (channel) {
            case PHONE ->
                    workingDay
                            ? options.phoneCallsPerMonth()
                                    * perWorkingDay
                                    * ContactModel.weekdayFactor(dow)
                            : 0;
            case CHAT ->
                    workingDay
                            ? options.chatsPerMonth()
                                    * perWorkingDay
                                    * ContactModel.weekdayFactor(dow)
                            : 0;
            case LETTER ->
                    workingDay
                            ? options.lettersPerMonth()
                                    * perWorkingDay
                                    * ContactModel.weekdayFactor(dow)
                            : 0;
            case EMAIL ->
                    options.emailsPerMonth() * perDay * ContactModel.deferredDayFactor(deferredDay);
            case PORTAL ->
                    options.portalRequestsPerMonth()
                            * perDay
                            * ContactModel.deferredDayFactor(deferredDay);
        };
    }

    /** Phone calls outside the opening hours of a working day (see the class comment). */
    private void closedHourCalls(CentreDay day, double daily, IntentMix mix, List<Arrival> out) {
        long earliest = CentreDay.millis(day.date(), diversions.earliestCall(), options.zone());
        long latest = CentreDay.millis(day.date(), diversions.latestCall(), options.zone());
        long before = Math.max(0, day.opens() - earliest);
        long after = Math.max(0, latest - day.closes());
        if (before + after == 0) {
            return;
        }
        int n = draws.poisson(daily * diversions.closedCallShare());
        for (int j = 0; j < n; j++) {
            long u = (long) (draws.uniform() * (before + after));
            long t = u < before ? earliest + u : day.closes() + (u - before);
            out.add(arrival(t, Channel.PHONE, mix));
        }
    }

    /** A first contact at {@code t}: its intent from the day's mix, its tenant uniform. */
    private Arrival arrival(long t, Channel channel, IntentMix mix) {
        Intent intent = mix.intents[draws.pick(mix.cumulative, mix.total)];
        int person = draws.below(options.homes());
        return new Arrival(Instant.ofEpochMilli(t), channel, intent, person, 1);
    }

    /** The intents and the running sums of their weights on one date. */
    private record IntentMix(Intent[] intents, double[] cumulative, double total) {}
}
