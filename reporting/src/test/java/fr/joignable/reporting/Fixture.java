package fr.joignable.reporting;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A generated quarter (August–October 2026, Paris time, plus a few July rows) of plausible interval
 * tables, written as hive-partitioned Parquet in the documented schema, kept in memory so that
 * tests can compute expected values independently of the report's SQL.
 */
final class Fixture {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final Instant START = Instant.parse("2026-07-31T20:00:00Z");
    static final Instant END = Instant.parse("2026-10-31T23:00:00Z");
    static final List<String> QUEUES = List.of("LOYERS", "TECHNIQUE", "DEMANDES");
    static final List<String> CHANNELS = List.of("PHONE", "CHAT", "EMAIL");
    static final List<String> TEAMS = List.of("EQUIPE_A", "EQUIPE_B");
    static final List<String> INTENTS =
            List.of("RENT_RECEIPT", "WATER_DAMAGE", "HEATING", "LEASE", "REPAIR");
    static final List<String> TARGETS = List.of("GARDIEN", "TECHNICAL", "MANAGEMENT");

    record Contact(
            Instant start,
            String queue,
            String channel,
            long offered,
            long answered,
            long shortAbandoned,
            long abandoned,
            long answeredInSl,
            Double asaS,
            long handled,
            Double ahtS,
            long identified,
            long duplicates,
            long duplicatesAfterAbandon,
            long diverted,
            long closed) {}

    record Agent(
            Instant start,
            String team,
            double staffedS,
            double readyS,
            double busyS,
            double wrapS,
            double notReadyS) {}

    record IntentRow(
            Instant start,
            String queue,
            String channel,
            String intent,
            long offered,
            long identified,
            long abandoned,
            long duplicates,
            long duplicatesAfterAbandon) {}

    record Handoff(
            long id, Instant created, Instant closed, String target, String queue, String intent) {}

    record Staffing(Instant start, String queue, String channel, long scheduledAgents) {}

    record Forecast(Instant start, String queue, String channel, double offered) {}

    final List<Contact> contacts = new ArrayList<>();
    final List<Agent> agents = new ArrayList<>();
    final List<IntentRow> intents = new ArrayList<>();
    final List<Handoff> handoffs = new ArrayList<>();
    final List<Staffing> staffing = new ArrayList<>();
    final List<Forecast> forecast = new ArrayList<>();

    /** Whether the tables carry the later columns {@code diverted} and {@code closed}. */
    final boolean withDiverted;

    Fixture(long seed) {
        this(seed, false);
    }

    /**
     * @param withDiverted also write {@code diverted} and {@code closed}: phone calls then also
     *     arrive while closed (all diverted {@code CLOSED}), and some open-hour calls are turned
     *     away (diverted for another reason)
     */
    Fixture(long seed, boolean withDiverted) {
        this.withDiverted = withDiverted;
        Random r = new Random(seed);
        for (Instant t = START; t.isBefore(END); t = t.plusSeconds(900)) {
            ZonedDateTime local = t.atZone(PARIS);
            int hour = local.getHour();
            boolean weekday = local.getDayOfWeek().getValue() <= 5;
            boolean saturdayMorning =
                    local.getDayOfWeek() == DayOfWeek.SATURDAY && hour >= 9 && hour < 12;
            boolean open = (weekday && hour >= 8 && hour < 18) || saturdayMorning;
            for (String queue : QUEUES) {
                for (String channel : CHANNELS) {
                    boolean live = !channel.equals("EMAIL");
                    if (live && !open) {
                        if (withDiverted && channel.equals("PHONE") && r.nextDouble() < 0.3) {
                            long calls = 1 + r.nextInt(3);
                            contacts.add(
                                    new Contact(
                                            t, queue, channel, calls, 0, 0, 0, 0, null, 0, null,
                                            calls, 0, 0, calls, calls));
                        }
                        continue;
                    }
                    if (!live && r.nextDouble() < 0.6) {
                        continue;
                    }
                    int base = channel.equals("PHONE") ? 14 : channel.equals("CHAT") ? 5 : 2;
                    long offered = 1 + r.nextInt(base);
                    long shortAb = live ? r.nextInt((int) Math.max(1, offered / 6 + 1)) : 0;
                    long ab = live ? r.nextInt((int) Math.max(1, (offered - shortAb) / 5 + 1)) : 0;
                    long waiting = r.nextDouble() < 0.05 ? 1 : 0;
                    long turnedAway =
                            withDiverted && live && offered - shortAb - ab - waiting > 1
                                    ? r.nextInt(2)
                                    : 0;
                    long answered = Math.max(0, offered - shortAb - ab - waiting - turnedAway);
                    long inSl = answered == 0 ? 0 : answered - r.nextInt((int) (answered / 3 + 1));
                    Double asa =
                            answered == 0
                                    ? null
                                    : (live
                                            ? 5 + r.nextDouble() * 40
                                            : 3600 + r.nextDouble() * 40000);
                    long handled =
                            r.nextDouble() < 0.1 ? 0 : Math.max(0, answered + r.nextInt(3) - 1);
                    Double aht = handled == 0 ? null : 180 + r.nextDouble() * 300;
                    long identified = offered - r.nextInt((int) (offered / 4 + 1));
                    long dups = r.nextInt((int) (identified / 5 + 1));
                    long dupsAb = dups == 0 ? 0 : r.nextInt((int) dups + 1);
                    contacts.add(
                            new Contact(
                                    t,
                                    queue,
                                    channel,
                                    offered,
                                    answered,
                                    shortAb,
                                    ab,
                                    inSl,
                                    asa,
                                    handled,
                                    aht,
                                    identified,
                                    dups,
                                    dupsAb,
                                    turnedAway,
                                    0));
                    if (local.getMonthValue() == 10 && local.getYear() == 2026) {
                        forecast.add(
                                new Forecast(
                                        t, queue, channel, offered + (r.nextInt(3) - 1) * 0.5));
                    }
                }
            }
            if (weekday && hour >= 7 && hour < 19) {
                for (String team : TEAMS) {
                    int n = 3 + r.nextInt(6);
                    double staffed = n * 900.0;
                    double notReady = r.nextInt(n) * 90.0;
                    double busy = (staffed - notReady) * (0.5 + r.nextDouble() * 0.3);
                    double wrap = (staffed - notReady - busy) * r.nextDouble() * 0.5;
                    double ready = staffed - notReady - busy - wrap;
                    agents.add(new Agent(t, team, staffed, ready, busy, wrap, notReady));
                }
                if (open) {
                    for (String intent : INTENTS) {
                        String queue = QUEUES.get(Math.floorMod(intent.hashCode(), QUEUES.size()));
                        long offered = r.nextInt(6);
                        if (offered == 0) {
                            continue;
                        }
                        long identified = offered - r.nextInt((int) (offered / 3 + 1));
                        long dups =
                                r.nextInt((int) (identified / 2 + 1))
                                        * (intent.equals("HEATING") ? 2 : 1);
                        dups = Math.min(dups, identified);
                        long dupsAb = r.nextInt((int) dups + 1);
                        intents.add(
                                new IntentRow(
                                        t,
                                        queue,
                                        "PHONE",
                                        intent,
                                        offered,
                                        identified,
                                        r.nextInt(2),
                                        dups,
                                        dupsAb));
                    }
                }
                if (local.getMonthValue() == 10 && open) {
                    for (String queue : QUEUES) {
                        staffing.add(new Staffing(t, queue, "PHONE", 2 + r.nextInt(4)));
                    }
                }
            }
        }
        long span = END.getEpochSecond() - START.getEpochSecond();
        for (long id = 1; id <= 600; id++) {
            Instant created = START.plusSeconds((long) (r.nextDouble() * span));
            Instant closed =
                    r.nextDouble() < 0.1 ? null : created.plusSeconds(3600 + r.nextInt(8 * 86400));
            handoffs.add(
                    new Handoff(
                            id,
                            created,
                            closed,
                            TARGETS.get(r.nextDouble() < 0.6 ? 0 : 1 + r.nextInt(2)),
                            QUEUES.get(r.nextInt(3)),
                            INTENTS.get(r.nextInt(INTENTS.size()))));
        }
    }

    /** Writes the four Parquet tables and the CSV files under {@code dir}. */
    Fixture write(Path dir) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            Files.createDirectories(dir);
            parquet(
                    st,
                    dir,
                    "contact_intervals",
                    "interval_start TIMESTAMPTZ, queue VARCHAR, channel VARCHAR, offered BIGINT,"
                            + " answered BIGINT, short_abandoned BIGINT, abandoned BIGINT,"
                            + " answered_in_sl BIGINT, service_level DOUBLE, abandon_rate DOUBLE,"
                            + " asa_s DOUBLE, handled BIGINT, aht_s DOUBLE, identified BIGINT,"
                            + " duplicates BIGINT, duplicates_after_abandon BIGINT, duplicate_rate DOUBLE"
                            + (withDiverted ? ", diverted BIGINT, closed BIGINT" : ""),
                    "interval_start",
                    contacts,
                    x -> {
                        long den = x.offered() - x.shortAbandoned() - x.closed();
                        List<Object> v =
                                new ArrayList<>(
                                        List.of(
                                                x.start(),
                                                x.queue(),
                                                x.channel(),
                                                x.offered(),
                                                x.answered(),
                                                x.shortAbandoned(),
                                                x.abandoned(),
                                                x.answeredInSl(),
                                                den == 0 ? "" : (double) x.answeredInSl() / den,
                                                den == 0 ? "" : (double) x.abandoned() / den,
                                                n(x.asaS()),
                                                x.handled(),
                                                n(x.ahtS()),
                                                x.identified(),
                                                x.duplicates(),
                                                x.duplicatesAfterAbandon(),
                                                x.identified() == 0
                                                        ? ""
                                                        : (double) x.duplicates()
                                                                / x.identified()));
                        if (withDiverted) {
                            v.add(x.diverted());
                            v.add(x.closed());
                        }
                        return v;
                    });
            parquet(
                    st,
                    dir,
                    "agent_intervals",
                    "interval_start TIMESTAMPTZ, team VARCHAR, staffed_s DOUBLE, ready_s DOUBLE,"
                            + " busy_s DOUBLE, wrap_s DOUBLE, not_ready_s DOUBLE, occupancy DOUBLE",
                    "interval_start",
                    agents,
                    x -> {
                        double den = x.readyS() + x.busyS() + x.wrapS();
                        return List.of(
                                x.start(),
                                x.team(),
                                x.staffedS(),
                                x.readyS(),
                                x.busyS(),
                                x.wrapS(),
                                x.notReadyS(),
                                den == 0 ? "" : (x.busyS() + x.wrapS()) / den);
                    });
            parquet(
                    st,
                    dir,
                    "intent_intervals",
                    "interval_start TIMESTAMPTZ, queue VARCHAR, channel VARCHAR, intent VARCHAR,"
                            + " offered BIGINT, identified BIGINT, abandoned BIGINT, duplicates BIGINT,"
                            + " duplicates_after_abandon BIGINT",
                    "interval_start",
                    intents,
                    x ->
                            List.of(
                                    x.start(),
                                    x.queue(),
                                    x.channel(),
                                    x.intent(),
                                    x.offered(),
                                    x.identified(),
                                    x.abandoned(),
                                    x.duplicates(),
                                    x.duplicatesAfterAbandon()));
            parquet(
                    st,
                    dir,
                    "handoffs",
                    "handoff_id VARCHAR, contact_id VARCHAR, created_at TIMESTAMPTZ,"
                            + " closed_at TIMESTAMPTZ, target VARCHAR, residence_id VARCHAR,"
                            + " queue VARCHAR, intent VARCHAR, closing_s DOUBLE",
                    "created_at",
                    handoffs,
                    x ->
                            List.of(
                                    "H" + x.id(),
                                    "C" + x.id(),
                                    x.created(),
                                    x.closed() == null ? "" : x.closed(),
                                    x.target(),
                                    "R" + (x.id() % 17),
                                    x.queue(),
                                    x.intent(),
                                    x.closed() == null
                                            ? ""
                                            : (double)
                                                    (x.closed().getEpochSecond()
                                                            - x.created().getEpochSecond())));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException(e);
        }
        try (PrintWriter w =
                new PrintWriter(Files.newBufferedWriter(dir.resolve("staffing.csv")))) {
            w.println(
                    "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,occupancy,asa_s");
            for (Staffing s : staffing) {
                w.println(
                        s.start()
                                + ","
                                + s.queue()
                                + ","
                                + s.channel()
                                + ",10.5,240,"
                                + (s.scheduledAgents() - 1)
                                + ","
                                + s.scheduledAgents()
                                + ",0.82,0.75,14.2");
            }
            try (PrintWriter f =
                    new PrintWriter(Files.newBufferedWriter(dir.resolve("forecast.csv")))) {
                f.println("interval_start,queue,channel,offered,aht_s");
                for (Forecast x : forecast) {
                    f.println(
                            x.start()
                                    + ","
                                    + x.queue()
                                    + ","
                                    + x.channel()
                                    + ","
                                    + x.offered()
                                    + ",240");
                }
            }
            Files.writeString(
                    dir.resolve("training-gaps.csv"),
                    "queue,peak_scheduled_agents,trained_fte,uncovered_agent_hours,worst_interval_uncovered\n"
                            + "LOYERS,5,4.5,12.25,1.5\nTECHNIQUE,5,6,0,0\nDEMANDES,4,2.5,30.75,2\n");
            Files.writeString(
                    dir.resolve("training-plan.csv"),
                    "agent_id,team,train_in\nA01,EQUIPE_A,DEMANDES\nA07,EQUIPE_B,DEMANDES\nA03,EQUIPE_A,LOYERS\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    private static Object n(Double v) {
        return v == null ? "" : v;
    }

    private static <T> void parquet(
            Statement st,
            Path dir,
            String table,
            String schema,
            String dayColumn,
            List<T> rows,
            Function<T, List<Object>> values)
            throws IOException, SQLException {
        Path csv = Files.createTempFile("fixture-" + table, ".csv");
        try {
            List<String> names = new ArrayList<>();
            List<String> casts = new ArrayList<>();
            for (String col : schema.split(",")) {
                String[] p = col.strip().split(" ");
                names.add(p[0]);
                casts.add("CAST(nullif(" + p[0] + ", '') AS " + p[1] + ") AS " + p[0]);
            }
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(csv))) {
                w.println(String.join(",", names));
                for (T row : rows) {
                    List<String> fields = new ArrayList<>();
                    for (Object v : values.apply(row)) {
                        fields.add(v.toString());
                    }
                    w.println(String.join(",", fields));
                }
            }
            st.execute(
                    "COPY (SELECT "
                            + String.join(", ", casts)
                            + ", strftime(CAST("
                            + dayColumn
                            + " AS TIMESTAMPTZ), '%Y-%m-%d') AS day"
                            + " FROM read_csv('"
                            + csv
                            + "', header = true, all_varchar = true))"
                            + " TO '"
                            + dir.resolve(table)
                            + "' (FORMAT parquet, PARTITION_BY (day))");
        } finally {
            Files.deleteIfExists(csv);
        }
    }
}
