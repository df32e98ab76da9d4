package fr.joignable.sim;

import fr.joignable.domain.io.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The characterisation of the simulator: the sha256 of what it writes for a set of configurations
 * (the CLI's {@code generate} with and without {@code --faults} and {@code --schedule}, gzip, a
 * roster, options the CLI does not expose, daylight-saving changes and public holidays). Run it
 * before and after a change that must not change the output ({@code
 * sample-data/scripts/sim-fingerprints.sh}) and compare the lines; it prints one line per output,
 * {@code name sha256}.
 *
 * <p>Not a test of the suite: the hashes depend on {@code Math.exp}/{@code Math.log}, which the JVM
 * may compute differently on another platform, so they are compared between two runs on one
 * machine, not against recorded values.
 */
public final class SimulatorFingerprints {

    private SimulatorFingerprints() {}

    /** A schedule as {@code joignable schedule} writes it, with the corner cases of the reader. */
    static final String WEEK_SCHEDULE =
            String.join(
                    "\n",
                    "agent_id,date,start,end,breaks",
                    // ordinary shifts with two breaks and a lunch (>= 30 min: logged out)
                    "A001,2026-10-19,08:15,16:00,10:15-10:30;12:00-12:45;14:30-14:45",
                    "A002,2026-10-19,08:30,16:15,10:30-10:45;12:45-13:30;15:00-15:15",
                    "A003,2026-10-19,10:00,17:45,12:00-12:15;13:30-14:15;16:00-16:15",
                    "A004,2026-10-19,08:30,12:30,10:20-10:35",
                    "A005,2026-10-20,08:15,16:00,10:15-10:30;12:00-12:45;14:30-14:45",
                    "A006,2026-10-20,09:00,17:45,10:30-10:45;12:30-13:15;15:30-15:45",
                    "A007,2026-10-20,08:15,12:15,",
                    // a shift ending at midnight (24:00) and one across midnight, with a break
                    // after midnight (before the start on the clock: the next day)
                    "A008,2026-10-21,16:00,24:00,18:00-18:15;20:00-20:45",
                    "A009,2026-10-21,22:00,06:00,01:00-01:30;03:00-03:15",
                    "A010,2026-10-22,08:30,16:15,10:30-10:45;12:45-13:30;15:00-15:15",
                    "A011,2026-10-22,07:00,15:00,09:00-09:29;11:00-11:30",
                    // a Saturday (the centre is closed: deferred work only)
                    "A012,2026-10-24,09:00,13:00,11:00-11:15",
                    // the Sunday of the change to winter time
                    "A013,2026-10-25,01:00,05:00,02:30-02:45",
                    "A014,2026-10-26,08:15,16:00,10:15-10:30;12:00-12:45;14:30-14:45",
                    "A024,2026-10-26,10:00,17:45,12:00-12:15;13:30-14:15;16:00-16:15",
                    // after the period simulated
                    "A001,2026-11-30,08:15,16:00,",
                    "");

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("sim-fingerprints");
        Map<String, String> out = new TreeMap<>();
        SimulatorOptions defaults = SimulatorOptions.defaults();

        // generate --days 10 --start 2025-01-01 --out a.jsonl --roster r.csv
        file(out, dir, "default-2025-01-01-10d", defaults, LocalDate.of(2025, 1, 1), 10, null);
        // the README's example: 28 days to gzip, seed 1
        gz(out, dir, "default-2026-10-05-28d-gz", defaults, LocalDate.of(2026, 10, 5), 28);
        // generate --faults --seed 5
        file(
                out,
                dir,
                "faults-seed5-2026-10-05-7d",
                defaults.withSeed(5).withFaults(SimulatorOptions.Faults.DEFAULT_ON),
                LocalDate.of(2026, 10, 5),
                7,
                null);
        // generate --schedule, across the change to winter time
        Path week = dir.resolve("week-schedule.csv");
        Files.writeString(week, WEEK_SCHEDULE);
        file(
                out,
                dir,
                "schedule-seed7-2026-10-19-9d",
                defaults.withSeed(7),
                LocalDate.of(2026, 10, 19),
                9,
                week);
        file(
                out,
                dir,
                "schedule-faults-seed11-2026-10-19-9d",
                defaults.withSeed(11).withFaults(SimulatorOptions.Faults.DEFAULT_ON),
                LocalDate.of(2026, 10, 19),
                9,
                week);
        // options the CLI does not expose: fewer agents, longer hours, the change to summer time
        // and Easter Monday
        file(
                out,
                dir,
                "options-10agents-7to20-2026-03-23-16d",
                defaults.withSeed(3)
                        .withAgents(10)
                        .withOpeningHours(LocalTime.of(7, 0), LocalTime.of(20, 0)),
                LocalDate.of(2026, 3, 23),
                16,
                null);
        // every component changed (late opening, no reserve, much training and absence)
        SimulatorOptions odd =
                new SimulatorOptions(
                        99L,
                        ZoneId.of("America/Montreal"),
                        LocalTime.of(12, 0),
                        LocalTime.of(22, 0),
                        5_000,
                        25,
                        4_000,
                        3_000,
                        900,
                        700,
                        300,
                        7,
                        List.of("A", "B"),
                        0.5,
                        Duration.ofSeconds(60),
                        0.2,
                        0.9,
                        0.4,
                        0.6,
                        2,
                        1.6,
                        Duration.ofSeconds(90),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(30),
                        0.5,
                        0.3,
                        0,
                        new SimulatorOptions.Faults(true, Duration.ofMinutes(1), 0.1, 0.05, 0.01));
        file(out, dir, "options-odd-2026-06-01-21d", odd, LocalDate.of(2026, 6, 1), 21, null);
        // a year in memory (the README's figures)
        year(out, defaults, LocalDate.of(2026, 1, 1), 365);

        out.forEach((k, v) -> System.out.println(k + " " + v));
    }

    private static void file(
            Map<String, String> out,
            Path dir,
            String name,
            SimulatorOptions options,
            LocalDate start,
            int days,
            Path schedule)
            throws IOException {
        Path events = dir.resolve(name + ".jsonl");
        Path roster = dir.resolve(name + ".roster.csv");
        SampleData.Result r =
                SampleData.generate(options, start, days, events, roster, schedule, Progress.NONE);
        out.put(name + ".jsonl", sha256(Files.readAllBytes(events)));
        out.put(name + ".roster.csv", sha256(Files.readAllBytes(roster)));
        out.put(name + ".summary", sha256(describe(r).getBytes(StandardCharsets.UTF_8)));
        Files.delete(events);
        Files.delete(roster);
    }

    private static void gz(
            Map<String, String> out,
            Path dir,
            String name,
            SimulatorOptions options,
            LocalDate start,
            int days)
            throws IOException {
        Path events = dir.resolve(name + ".jsonl.gz");
        SampleData.Result r =
                SampleData.generate(options, start, days, events, null, Progress.NONE);
        out.put(name + ".jsonl.gz", sha256(Files.readAllBytes(events)));
        out.put(name + ".summary", sha256(describe(r).getBytes(StandardCharsets.UTF_8)));
        Files.delete(events);
    }

    private static void year(
            Map<String, String> out, SimulatorOptions options, LocalDate start, int days) {
        MessageDigest md = digest();
        DeliveryFaults delivery =
                new DeliveryFaults(
                        options.faults(),
                        options.seed(),
                        line -> md.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        SimulationSummary s =
                new ContactCentreSimulator(options).run(start, days, delivery, Progress.NONE);
        delivery.finish();
        String name = "year-" + start + "-" + days + "d";
        out.put(name + ".jsonl", HexFormat.of().formatHex(md.digest()));
        out.put(name + ".summary", sha256(describe(s).getBytes(StandardCharsets.UTF_8)));
        System.err.println(name + ": " + describe(s));
    }

    /** The summary with its maps in a stable order (a {@code Map.copyOf} iterates at random). */
    static String describe(SampleData.Result r) {
        return describe(r.summary())
                + " lines="
                + r.lines()
                + " delayed="
                + r.delayed()
                + " redelivered="
                + r.redelivered()
                + " invalid="
                + r.invalid();
    }

    static String describe(SimulationSummary s) {
        List<String> parts = new ArrayList<>();
        parts.add("events=" + s.events());
        parts.add("byChannel=" + new TreeMap<>(s.offeredByChannel()));
        parts.add("byQueue=" + new TreeMap<>(s.offeredByQueue()));
        parts.add("live=" + s.liveOffered());
        parts.add("answered=" + s.answered());
        parts.add("abandoned=" + s.abandoned());
        parts.add("short=" + s.shortAbandoned());
        parts.add("identified=" + s.identified());
        parts.add("duplicates=" + s.duplicates());
        parts.add("afterAbandon=" + s.duplicatesAfterAbandon());
        parts.add("repeats=" + s.repeats());
        parts.add("handoffs=" + s.handoffsCreated() + "/" + s.handoffsClosed());
        parts.add("agents=" + s.agents());
        parts.add("backlog=" + s.backlogAtEnd());
        parts.add("diverted=" + s.diverted());
        parts.add("closed=" + s.closedCalls());
        return String.join(" ", parts);
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }
}
