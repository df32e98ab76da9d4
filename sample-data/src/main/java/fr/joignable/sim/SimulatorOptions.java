package fr.joignable.sim;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything the contact-centre simulator can be told. {@link #defaults()} describes a landlord
 * (OPH) with about 30,000 homes: on the order of 14,000 calls a month (12,500 first calls plus
 * repeats and the seasonal peaks) handled by 24 agents, plus chats, emails, tenant-portal requests
 * and letters. Each component is documented below; change one with the {@code with...} methods or
 * the canonical constructor.
 *
 * @param seed seed of every random draw: the same seed and options give byte-identical output
 * @param zone local time zone of the landlord (opening hours, calendar days, public holidays)
 * @param opens opening time of the live channels (phone, chat), Monday to Friday except public
 *     holidays, between 04:00 and 12:00; agent shifts (7 h 45 with lunch) start 15 min before it,
 *     at it, or end 15 min after closing
 * @param closes closing time of the live channels, at the latest 22:00; no call or chat arrives
 *     after it
 * @param homes number of homes (one tenant household each); tenants calling are drawn among them
 * @param homesPerResidence homes per residence ({@code RES-...} ids)
 * @param phoneCallsPerMonth mean phone calls per month before the yearly shape (rent notices,
 *     heating season, charge regularisation) is applied
 * @param chatsPerMonth mean chats per month (live channel, opening hours)
 * @param emailsPerMonth mean emails per month (deferred, around the clock, fewer at weekends)
 * @param portalRequestsPerMonth mean tenant-portal requests per month (deferred, around the clock)
 * @param lettersPerMonth mean letters per month (deferred, scanned on working days 9:00–11:00)
 * @param agents number of agents in the roster ({@code A001}...)
 * @param teams team names; agents are spread over them in turn
 * @param unidentifiedShare share of phone and chat contacts without a {@code tenantId}; emails and
 *     letters have half this share, portal requests are always identified
 * @param meanPatience mean patience of a caller on the phone (exponential); chat users wait twice
 *     as long
 * @param shortAbandonShare share of live contacts that hang up within 1–5 s (short abandons)
 * @param repeatAfterAbandonShare probability that an abandoned tenant comes back with the same
 *     request (minutes to days later)
 * @param unresolvedShare probability that an answered request not handed off is unresolved and
 *     brings the tenant back hours or days later
 * @param otherChannelRepeatShare probability that a repeat uses another channel than the contact it
 *     repeats
 * @param maxAttempts most contacts one request can produce (the first one and its repeats)
 * @param talkTimeScale multiplies every talk/handling time (1 = reference medians per intent)
 * @param medianWrapUp median after-contact work (lognormal)
 * @param breakLength length of each of the two daily breaks (NOT_READY)
 * @param lunchLength length of the lunch break (agents log out)
 * @param trainingShare probability that an agent has a training session (NOT_READY, 1–2 h) on a
 *     working day
 * @param absenceShare probability that an agent is absent on a working day
 * @param liveReserve agents kept READY for live contacts during opening hours before anyone takes
 *     deferred work (emails, letters, portal) from the backlog
 * @param faults optional delivery faults, off by default
 */
public record SimulatorOptions(
        long seed,
        ZoneId zone,
        LocalTime opens,
        LocalTime closes,
        int homes,
        int homesPerResidence,
        double phoneCallsPerMonth,
        double chatsPerMonth,
        double emailsPerMonth,
        double portalRequestsPerMonth,
        double lettersPerMonth,
        int agents,
        List<String> teams,
        double unidentifiedShare,
        Duration meanPatience,
        double shortAbandonShare,
        double repeatAfterAbandonShare,
        double unresolvedShare,
        double otherChannelRepeatShare,
        int maxAttempts,
        double talkTimeScale,
        Duration medianWrapUp,
        Duration breakLength,
        Duration lunchLength,
        double trainingShare,
        double absenceShare,
        int liveReserve,
        Faults faults) {

    /** Bounds of the opening hours, so that every shift fits in its local day. */
    public static final LocalTime EARLIEST_OPENING = LocalTime.of(4, 0);

    public static final LocalTime LATEST_OPENING = LocalTime.of(12, 0);
    public static final LocalTime LATEST_CLOSING = LocalTime.of(22, 0);

    public SimulatorOptions {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(opens, "opens");
        Objects.requireNonNull(closes, "closes");
        if (opens.isBefore(EARLIEST_OPENING)
                || opens.isAfter(LATEST_OPENING)
                || !opens.isBefore(closes)
                || closes.isAfter(LATEST_CLOSING)) {
            throw new IllegalArgumentException(
                    "opening hours must open between 04:00 and 12:00 and close after opening,"
                            + " by 22:00");
        }
        positive(homes, "homes");
        positive(homesPerResidence, "homesPerResidence");
        positive(agents, "agents");
        if (agents > 999) {
            throw new IllegalArgumentException("agents must be at most 999");
        }
        teams = List.copyOf(teams);
        if (teams.isEmpty()) {
            throw new IllegalArgumentException("teams must not be empty");
        }
        for (double v :
                new double[] {
                    phoneCallsPerMonth,
                    chatsPerMonth,
                    emailsPerMonth,
                    portalRequestsPerMonth,
                    lettersPerMonth,
                    talkTimeScale
                }) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("volumes and scales must be finite and >= 0");
            }
        }
        for (double share :
                new double[] {
                    unidentifiedShare,
                    shortAbandonShare,
                    repeatAfterAbandonShare,
                    unresolvedShare,
                    otherChannelRepeatShare,
                    trainingShare,
                    absenceShare
                }) {
            if (!(share >= 0 && share <= 1)) {
                throw new IllegalArgumentException("shares must be in [0, 1]");
            }
        }
        positive(maxAttempts, "maxAttempts");
        if (liveReserve < 0) {
            throw new IllegalArgumentException("liveReserve must be >= 0");
        }
        Objects.requireNonNull(meanPatience, "meanPatience");
        Objects.requireNonNull(medianWrapUp, "medianWrapUp");
        Objects.requireNonNull(breakLength, "breakLength");
        Objects.requireNonNull(lunchLength, "lunchLength");
        Objects.requireNonNull(faults, "faults");
    }

    private static void positive(int value, String name) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be > 0");
        }
    }

    /** A landlord of about 30,000 homes, seed 1, no delivery faults. */
    public static SimulatorOptions defaults() {
        return new SimulatorOptions(
                1L,
                ZoneId.of("Europe/Paris"),
                LocalTime.of(8, 30),
                LocalTime.of(17, 30),
                30_000,
                60,
                12_500,
                1_200,
                2_600,
                2_200,
                500,
                24,
                List.of("EQUIPE_NORD", "EQUIPE_SUD", "EQUIPE_EST"),
                0.20,
                Duration.ofSeconds(180),
                0.03,
                0.60,
                0.12,
                0.25,
                4,
                1.0,
                Duration.ofSeconds(40),
                Duration.ofMinutes(15),
                Duration.ofMinutes(45),
                0.04,
                0.05,
                2,
                Faults.NONE);
    }

    public SimulatorOptions withSeed(long newSeed) {
        return with(c -> c.seed = newSeed);
    }

    public SimulatorOptions withFaults(Faults newFaults) {
        return with(c -> c.faults = newFaults);
    }

    public SimulatorOptions withAgents(int newAgents) {
        return with(c -> c.agents = newAgents);
    }

    public SimulatorOptions withOpeningHours(LocalTime newOpens, LocalTime newCloses) {
        return with(
                c -> {
                    c.opens = newOpens;
                    c.closes = newCloses;
                });
    }

    /** These options with {@code change} applied to a copy of their components (validated). */
    private SimulatorOptions with(Consumer<Components> change) {
        Components c = new Components(this);
        change.accept(c);
        return c.options();
    }

    /** The components of a record being copied with changes: one place that lists them all. */
    private static final class Components {
        long seed;
        ZoneId zone;
        LocalTime opens;
        LocalTime closes;
        int homes;
        int homesPerResidence;
        double phoneCallsPerMonth;
        double chatsPerMonth;
        double emailsPerMonth;
        double portalRequestsPerMonth;
        double lettersPerMonth;
        int agents;
        List<String> teams;
        double unidentifiedShare;
        Duration meanPatience;
        double shortAbandonShare;
        double repeatAfterAbandonShare;
        double unresolvedShare;
        double otherChannelRepeatShare;
        int maxAttempts;
        double talkTimeScale;
        Duration medianWrapUp;
        Duration breakLength;
        Duration lunchLength;
        double trainingShare;
        double absenceShare;
        int liveReserve;
        Faults faults;

        Components(SimulatorOptions o) {
            seed = o.seed;
            zone = o.zone;
            opens = o.opens;
            closes = o.closes;
            homes = o.homes;
            homesPerResidence = o.homesPerResidence;
            phoneCallsPerMonth = o.phoneCallsPerMonth;
            chatsPerMonth = o.chatsPerMonth;
            emailsPerMonth = o.emailsPerMonth;
            portalRequestsPerMonth = o.portalRequestsPerMonth;
            lettersPerMonth = o.lettersPerMonth;
            agents = o.agents;
            teams = o.teams;
            unidentifiedShare = o.unidentifiedShare;
            meanPatience = o.meanPatience;
            shortAbandonShare = o.shortAbandonShare;
            repeatAfterAbandonShare = o.repeatAfterAbandonShare;
            unresolvedShare = o.unresolvedShare;
            otherChannelRepeatShare = o.otherChannelRepeatShare;
            maxAttempts = o.maxAttempts;
            talkTimeScale = o.talkTimeScale;
            medianWrapUp = o.medianWrapUp;
            breakLength = o.breakLength;
            lunchLength = o.lunchLength;
            trainingShare = o.trainingShare;
            absenceShare = o.absenceShare;
            liveReserve = o.liveReserve;
            faults = o.faults;
        }

        SimulatorOptions options() {
            return new SimulatorOptions(
                    seed,
                    zone,
                    opens,
                    closes,
                    homes,
                    homesPerResidence,
                    phoneCallsPerMonth,
                    chatsPerMonth,
                    emailsPerMonth,
                    portalRequestsPerMonth,
                    lettersPerMonth,
                    agents,
                    teams,
                    unidentifiedShare,
                    meanPatience,
                    shortAbandonShare,
                    repeatAfterAbandonShare,
                    unresolvedShare,
                    otherChannelRepeatShare,
                    maxAttempts,
                    talkTimeScale,
                    medianWrapUp,
                    breakLength,
                    lunchLength,
                    trainingShare,
                    absenceShare,
                    liveReserve,
                    faults);
        }
    }

    /**
     * Realistic delivery faults, to test consumers: each is a share of the events.
     *
     * @param enabled false: output sorted by {@code ts}, every line valid, every id once
     * @param maxDelay largest delivery delay of an out-of-order or redelivered event (event time is
     *     unchanged; the line is written later in the file)
     * @param outOfOrderShare share of events delivered late, by a uniform delay in (0, maxDelay]
     * @param redeliveryShare share of events delivered a second time (same {@code eventId} and
     *     content) up to maxDelay later
     * @param invalidShare share of events followed by an invalid line (truncated JSON, unknown
     *     type, bad timestamp) that a consumer must reject
     */
    public record Faults(
            boolean enabled,
            Duration maxDelay,
            double outOfOrderShare,
            double redeliveryShare,
            double invalidShare) {

        /** No fault. */
        public static final Faults NONE = new Faults(false, Duration.ofMinutes(5), 0, 0, 0);

        /** Faults on: 2% out of order by up to 5 minutes, 0.5% redelivered, 0.1% invalid lines. */
        public static final Faults DEFAULT_ON =
                new Faults(true, Duration.ofMinutes(5), 0.02, 0.005, 0.001);

        public Faults {
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (maxDelay.isNegative() || maxDelay.isZero()) {
                throw new IllegalArgumentException("maxDelay must be > 0");
            }
            for (double share : new double[] {outOfOrderShare, redeliveryShare, invalidShare}) {
                if (!(share >= 0 && share <= 1)) {
                    throw new IllegalArgumentException("fault shares must be in [0, 1]");
                }
            }
        }
    }
}
