package fr.joignable.bench;

import fr.joignable.cli.JoignableCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Planning a month the way the demo does it, through the command itself: the whole {@code staff
 * --roster --pools} with its simulation check (10 seeds, the default), against the aim of issue 14
 * (under 60 s; {@link SimulateRun} times {@code simulate}). The workload is the demo centre's
 * shape, deterministic: six queues, phone, chat, email and portal, Monday to Friday 08:30–17:30
 * Paris, the volumes per working day of the demo's forecast (phone 48 to 244 calls a queue), a
 * morning peak; the demo's roster of 24 agents (22.2 FTE, one pool).
 */
public final class PlanRun {

    static final String NAME = "plan";

    /** The aim of issue 14 for each of the two runs, seconds. */
    static final double AIM_SECONDS = 60;

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final String[] QUEUES = {
        "ACCUEIL", "DEMANDES", "GESTION_LOCATIVE", "LOYERS", "PROXIMITE", "TECHNIQUE"
    };

    /** Phone calls per working day per queue (the demo's forecast over 20 working days). */
    private static final double[] PHONE_PER_DAY = {48, 77, 140, 213, 38, 244};

    /** The sum of the quarter-hour weights of an open day (so that a day's shares add up to 1). */
    private static final double DAY_WEIGHT = dayWeight();

    private PlanRun() {}

    private static double dayWeight() {
        double sum = 0;
        for (int k = 34; k < 70; k++) { // 08:30 to 17:15
            sum += weight(k / 4.0);
        }
        return sum;
    }

    /** A morning peak around 10:00. */
    private static double weight(double hour) {
        return 1 + 1.6 * Math.exp(-Math.pow((hour - 10) / 1.2, 2));
    }

    /**
     * @param days days planned from Monday 2026-10-05 (28: a month)
     */
    public static List<Row> run(Path work, int days) throws IOException {
        Path dir = work.resolve("plan-" + days);
        Files.createDirectories(dir);
        Path forecast = dir.resolve("forecast.csv");
        Path roster = dir.resolve("roster.csv");
        Path staffing = dir.resolve("staffing.csv");
        write(dir, days);
        double staff =
                time(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--roster",
                        roster.toString(),
                        "--out",
                        staffing.toString(),
                        "--pools",
                        dir.resolve("pools.csv").toString());
        double cpu = lastCpu;
        String month = days + " days, 6 queues × 4 channels, 24 agents";
        List<Row> rows = new ArrayList<>();
        rows.add(
                Row.ratio(
                        NAME,
                        "staff --roster with its simulation check (10 seeds) / the aim (60 s), "
                                + month,
                        staff / AIM_SECONDS,
                        "≤ 1 meets the aim"));
        rows.add(
                Row.of(
                        NAME,
                        "staff --roster --pools with its simulation check, " + month,
                        staff,
                        "s"));
        if (cpu > 0) {
            rows.add(Row.of(NAME, "the same, CPU time of all threads", cpu, "s"));
        }
        return rows;
    }

    /** Writes {@code forecast.csv} and {@code roster.csv} of {@code days} days into {@code dir}. */
    static void write(Path dir, int days) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("forecast.csv"), forecast(days));
        Files.writeString(dir.resolve("roster.csv"), ROSTER);
    }

    /** Wall seconds of one command run in this JVM; its CPU seconds in {@link #lastCpu}. */
    static double time(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long c0 = processCpuNanos();
        long t0 = System.nanoTime();
        int code = JoignableCli.create(new PrintWriter(out), new PrintWriter(err)).execute(args);
        double s = (System.nanoTime() - t0) / 1e9;
        lastCpu = (processCpuNanos() - c0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(args[0] + " failed (" + code + "): " + err);
        }
        return s;
    }

    /** CPU seconds (all threads of this JVM) of the last {@link #time} call. */
    static double lastCpu;

    private static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os =
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return 0;
    }

    /** The forecast CSV: every quarter-hour of {@code days} days, 24 rows each. */
    static String forecast(int days) {
        StringBuilder b = new StringBuilder("interval_start,queue,channel,offered,aht_s\n");
        ZonedDateTime start = LocalDate.of(2026, 10, 5).atStartOfDay(PARIS);
        for (int d = 0; d < days; d++) {
            ZonedDateTime day = start.plusDays(d);
            boolean working = day.getDayOfWeek().getValue() <= 5;
            for (int k = 0; k < 96; k++) {
                ZonedDateTime t = day.plusMinutes(15L * k);
                double hour = t.getHour() + t.getMinute() / 60.0;
                boolean open = working && hour >= 8.5 && hour < 17.5;
                // share of the day's calls in this quarter-hour: a morning peak at 9:30-10:30
                double w = open ? weight(hour) : 0;
                double share = w / DAY_WEIGHT;
                Instant at = t.toInstant();
                for (int q = 0; q < QUEUES.length; q++) {
                    double phone = PHONE_PER_DAY[q] * share;
                    line(b, at, QUEUES[q], "PHONE", phone, 300);
                    line(b, at, QUEUES[q], "CHAT", 0.11 * phone, 420);
                    line(b, at, QUEUES[q], "EMAIL", 0.19 * phone, 480);
                    line(b, at, QUEUES[q], "PORTAL", 0.16 * phone, 420);
                }
            }
        }
        return b.toString();
    }

    private static void line(
            StringBuilder b, Instant at, String queue, String channel, double offered, int aht) {
        b.append(at)
                .append(',')
                .append(queue)
                .append(',')
                .append(channel)
                .append(',')
                .append(String.format(Locale.ROOT, "%.4f", offered))
                .append(',')
                .append(offered > 0 ? Integer.toString(aht) : "")
                .append('\n');
    }

    /** The demo's roster (seed 1): 24 agents, 22.2 FTE, every one trained in ACCUEIL. */
    static final String ROSTER =
            String.join(
                    "\n",
                    "agent_id,team,skills,fte",
                    "A001,EQUIPE_NORD,TECHNIQUE;PROXIMITE;ACCUEIL,1.0",
                    "A002,EQUIPE_SUD,LOYERS;DEMANDES;ACCUEIL,1.0",
                    "A003,EQUIPE_EST,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0",
                    "A004,EQUIPE_NORD,TECHNIQUE;PROXIMITE;ACCUEIL,1.0",
                    "A005,EQUIPE_SUD,GESTION_LOCATIVE;DEMANDES;PROXIMITE;ACCUEIL,0.8",
                    "A006,EQUIPE_EST,LOYERS;DEMANDES;ACCUEIL,1.0",
                    "A007,EQUIPE_NORD,TECHNIQUE;LOYERS;ACCUEIL,1.0",
                    "A008,EQUIPE_SUD,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0",
                    "A009,EQUIPE_EST,TECHNIQUE;PROXIMITE;ACCUEIL,1.0",
                    "A010,EQUIPE_NORD,LOYERS;DEMANDES;ACCUEIL,0.8",
                    "A011,EQUIPE_SUD,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,0.5",
                    "A012,EQUIPE_EST,TECHNIQUE;PROXIMITE;ACCUEIL,1.0",
                    "A013,EQUIPE_NORD,GESTION_LOCATIVE;DEMANDES;PROXIMITE;ACCUEIL,1.0",
                    "A014,EQUIPE_SUD,LOYERS;DEMANDES;ACCUEIL,1.0",
                    "A015,EQUIPE_EST,TECHNIQUE;LOYERS;ACCUEIL,0.8",
                    "A016,EQUIPE_NORD,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0",
                    "A017,EQUIPE_SUD,TECHNIQUE;PROXIMITE;ACCUEIL,1.0",
                    "A018,EQUIPE_EST,LOYERS;DEMANDES;ACCUEIL,1.0",
                    "A019,EQUIPE_NORD,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0",
                    "A020,EQUIPE_SUD,TECHNIQUE;PROXIMITE;ACCUEIL,0.8",
                    "A021,EQUIPE_EST,GESTION_LOCATIVE;DEMANDES;PROXIMITE;ACCUEIL,1.0",
                    "A022,EQUIPE_NORD,LOYERS;DEMANDES;ACCUEIL,0.5",
                    "A023,EQUIPE_SUD,TECHNIQUE;LOYERS;ACCUEIL,1.0",
                    "A024,EQUIPE_EST,LOYERS;TECHNIQUE;GESTION_LOCATIVE;PROXIMITE;DEMANDES;ACCUEIL,1.0",
                    "");
}
