package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.ChannelTargets;
import fr.joignable.forecasting.staffing.RequiredAgents;
import fr.joignable.forecasting.staffing.StaffingTargets;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's sections on tables that carry {@code diverted} and {@code closed} (calls while
 * closed, calls turned away), a forecast and a staffing plan: every expected value is computed here
 * in plain Java from the generated rows, not with the report's SQL.
 */
class ReportSectionsTest {

    /** Sums of doubles in another order than DuckDB's: a relative tolerance. */
    private static final double TOLERANCE = 1e-9;

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant FROM = Instant.parse("2026-09-30T22:00:00Z");
    private static final Instant TO = Instant.parse("2026-10-31T23:00:00Z");
    private static final List<String> URGENT = List.of("WATER_DAMAGE", "HEATING", "ELEVATOR");

    @TempDir static Path tmp;
    static Fixture fixture;
    static Path data;
    static Report fr;
    static Report en;

    @BeforeAll
    static void generate() {
        data = tmp.resolve("data");
        fixture = new Fixture(7L, true).write(data);
        fr = MonthlyReport.build(data, OCTOBER, Messages.Lang.FR, new ReportOptions(40));
        en = MonthlyReport.build(data, OCTOBER, Messages.Lang.EN, new ReportOptions(40));
    }

    private static boolean inOctober(Instant t) {
        return !t.isBefore(FROM) && t.isBefore(TO);
    }

    private static void close(Object actual, double expected) {
        assertThat(((Number) actual).doubleValue())
                .isCloseTo(expected, within(Math.abs(expected) * TOLERANCE + 1e-12));
    }

    private static DataTable table(Report report, String id) {
        return report.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static Kpi kpi(Report report, String key) {
        return report.kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    /** The fixture's opening hours: Monday–Friday 8–18 h, Saturday 9–12 h (Paris). */
    private static boolean open(int isoWeekday, int hour) {
        return isoWeekday <= 5 && hour >= 8 && hour < 18
                || isoWeekday == 6 && hour >= 9 && hour < 12;
    }

    private static String key(Instant t, String queue, String channel) {
        return t + "|" + queue + "|" + channel;
    }

    /** Service level of each contact row, null when its denominator is 0. */
    private static Map<String, Double> rowServiceLevel() {
        Map<String, Double> out = new HashMap<>();
        for (Fixture.Contact c : fixture.contacts) {
            long den = c.offered() - c.shortAbandoned() - c.closed();
            out.put(
                    key(c.start(), c.queue(), c.channel()),
                    den == 0 ? null : (double) c.answeredInSl() / den);
        }
        return out;
    }

    @Test
    void eachChannelIsMeasuredAgainstItsOwnThresholdAndClosedCallsLeaveTheDenominator() {
        Map<String, long[]> sums = new TreeMap<>();
        for (Fixture.Contact c : fixture.contacts) {
            if (!inOctober(c.start())) {
                continue;
            }
            for (String group :
                    List.of(c.channel(), c.channel().equals("EMAIL") ? "WRITTEN" : "")) {
                if (group.isEmpty()) {
                    continue;
                }
                long[] s = sums.computeIfAbsent(group, k -> new long[8]);
                s[0] += c.offered();
                s[1] += c.closed();
                s[2] += c.diverted() - c.closed();
                s[3] += c.answered();
                s[4] += c.answeredInSl();
                s[5] += c.abandoned();
                s[6] += c.offered() - c.shortAbandoned() - c.closed();
                s[7] +=
                        c.offered()
                                - c.answered()
                                - c.shortAbandoned()
                                - c.abandoned()
                                - c.diverted();
            }
        }
        DataTable channels = table(en, "channels");
        Map<String, String> label =
                Map.of(
                        "PHONE",
                        "Phone",
                        "CHAT",
                        "Chat",
                        "EMAIL",
                        "E-mail",
                        "WRITTEN",
                        "Written (together)");
        assertThat(channels.rows()).hasSize(4);
        for (List<Object> row : channels.rows()) {
            String channel =
                    label.entrySet().stream()
                            .filter(e -> e.getValue().equals(row.get(0)))
                            .findFirst()
                            .orElseThrow()
                            .getKey();
            long[] s = sums.get(channel);
            assertThat(row.get(1)).as(channel + " offered").isEqualTo(s[0]);
            assertThat(row.get(2)).as(channel + " closed").isEqualTo(s[1]);
            assertThat(row.get(3)).as(channel + " turned away").isEqualTo(s[2]);
            assertThat(row.get(4)).as(channel + " answered").isEqualTo(s[3]);
            close(row.get(6), (double) s[4] / s[6]);
            if (channel.equals("PHONE") || channel.equals("CHAT")) {
                close(row.get(7), (double) s[5] / s[6]);
            } else {
                assertThat(row.get(7)).isNull();
            }
            assertThat(row.get(9)).as(channel + " backlog").isEqualTo(s[7]);
        }
        assertThat(sums.get("PHONE")[1]).as("calls while closed exist").isPositive();
        assertThat(sums.get("PHONE")[2]).as("calls turned away exist").isPositive();
        long[] phone = sums.get("PHONE");
        long[] chat = sums.get("CHAT");
        long[] written = sums.get("WRITTEN");
        close(kpi(en, "kpi.phone_sl").value(), (double) phone[4] / phone[6]);
        close(kpi(en, "kpi.chat_sl").value(), (double) chat[4] / chat[6]);
        close(kpi(en, "kpi.written_sl").value(), (double) written[4] / written[6]);
        close(kpi(en, "kpi.phone_abandon").value(), (double) phone[5] / phone[6]);
        close(kpi(en, "kpi.backlog").value(), written[7]);
    }

    @Test
    void closedHoursAndDaysAreBlankAndMarkedClosed() {
        boolean[][] open = fr.open();
        long closedCellsWithCalls = 0;
        for (int wd = 1; wd <= 7; wd++) {
            for (int h = 0; h < 24; h++) {
                assertThat(open[wd - 1][h]).as("weekday %d hour %d", wd, h).isEqualTo(open(wd, h));
                if (!open(wd, h)) {
                    assertThat(fr.heat()[wd - 1][h]).isNull();
                }
            }
        }
        for (List<Object> row : table(en, "heatmap").rows()) {
            boolean closed = "closed".equals(row.get(2));
            if (closed && row.get(3) != null && ((Long) row.get(3)) > 0) {
                closedCellsWithCalls++;
                assertThat(row.get(4)).as("a closed hour has no service level").isNull();
            }
        }
        assertThat(closedCellsWithCalls).as("calls offered at night, shown closed").isPositive();
        for (ReportModel.Day d : fr.days()) {
            boolean expected = d.day().getDayOfWeek() != DayOfWeek.SUNDAY;
            assertThat(d.open()).as(d.day().toString()).isEqualTo(expected);
            if (!d.open()) {
                assertThat(d.phoneServiceLevel()).isNull();
            }
        }
        assertThat(fr.openingSummary()).isEqualTo("Lun–Ven 8 h–18 h ; Sam 9 h–12 h ; Dim fermé");
        assertThat(en.openingSummary()).isEqualTo("Mon–Fri 8 h–18 h; Sat 9 h–12 h; Sun closed");
    }

    @Test
    void urgentRequestsAgreeWithTheIntentTable() {
        Map<String, Double> sl = rowServiceLevel();
        Map<String, double[]> byIntent = new TreeMap<>();
        for (Fixture.IntentRow i : fixture.intents) {
            if (!inOctober(i.start()) || !URGENT.contains(i.intent())) {
                continue;
            }
            for (String k : List.of(i.intent(), "TOTAL")) {
                double[] s = byIntent.computeIfAbsent(k, x -> new double[7]);
                s[0] += i.offered();
                s[1] += i.abandoned();
                s[2] += i.duplicates();
                s[3] += i.identified();
                Double rowSl = sl.get(key(i.start(), i.queue(), i.channel()));
                if (rowSl != null) {
                    s[4] += i.offered() * rowSl;
                    s[5] += i.offered();
                }
            }
        }
        DataTable urgent = table(en, "urgent");
        List<Object> total = urgent.rows().get(urgent.rows().size() - 1);
        assertThat(total.get(0)).isEqualTo("Total");
        double[] t = byIntent.get("TOTAL");
        assertThat(total.get(1)).isEqualTo((long) t[0]);
        assertThat(total.get(2)).isEqualTo((long) t[0]); // every fixture intent row is PHONE
        close(total.get(3), t[4] / t[5]);
        close(total.get(4), t[1] / t[0]);
        assertThat(total.get(6)).isEqualTo((long) t[2]);
        close(total.get(7), t[2] / t[3]);
        List<Object> heating =
                urgent.rows().stream()
                        .filter(r -> "Heating, hot water".equals(r.get(0)))
                        .findFirst()
                        .orElseThrow();
        assertThat(heating.get(1)).isEqualTo((long) byIntent.get("HEATING")[0]);
        close(heating.get(3), byIntent.get("HEATING")[4] / byIntent.get("HEATING")[5]);

        long created = 0, closed = 0;
        List<Double> closing = new ArrayList<>();
        for (Fixture.Handoff h : fixture.handoffs) {
            if (h.target().equals("GARDIEN")
                    && URGENT.contains(h.intent())
                    && inOctober(h.created())) {
                created++;
                if (h.closed() != null) {
                    closed++;
                    closing.add(
                            (double) (h.closed().getEpochSecond() - h.created().getEpochSecond()));
                }
            }
        }
        closing.sort(Double::compare);
        int m = closing.size();
        double median =
                m % 2 == 1 ? closing.get(m / 2) : (closing.get(m / 2 - 1) + closing.get(m / 2)) / 2;
        DataTable handoffs = table(en, "urgent_handoffs");
        List<Object> all = handoffs.rows().get(handoffs.rows().size() - 1);
        assertThat(all.get(1)).isEqualTo(created);
        assertThat(all.get(2)).isEqualTo(closed);
        close(all.get(3), median / 3600);
        assertThat(all.get(6)).isEqualTo(created - closed);
    }

    @Test
    void relancesAgreeWithTheIntentTable() {
        Map<String, long[]> byIntent = new TreeMap<>();
        Map<Integer, long[]> bySlot = new TreeMap<>();
        Map<Integer, double[]> urgentBySlot = new HashMap<>();
        Map<String, Double> sl = rowServiceLevel();
        long dups = 0, dupsAb = 0;
        for (Fixture.IntentRow i : fixture.intents) {
            if (!inOctober(i.start())) {
                continue;
            }
            long[] s = byIntent.computeIfAbsent(i.intent(), x -> new long[3]);
            s[0] += i.offered();
            s[1] += i.duplicates();
            s[2] += i.duplicatesAfterAbandon();
            dups += i.duplicates();
            dupsAb += i.duplicatesAfterAbandon();
            ZonedDateTime local = i.start().atZone(Fixture.PARIS);
            int wd = local.getDayOfWeek().getValue();
            if (!open(wd, local.getHour())) {
                continue;
            }
            int slot = wd * 100 + local.getHour();
            long[] v = bySlot.computeIfAbsent(slot, x -> new long[2]);
            v[0] += i.offered();
            v[1] += i.duplicates();
            Double rowSl = sl.get(key(i.start(), i.queue(), i.channel()));
            if (URGENT.contains(i.intent()) && rowSl != null) {
                double[] u = urgentBySlot.computeIfAbsent(slot, x -> new double[2]);
                u[0] += i.offered() * rowSl;
                u[1] += i.offered();
            }
        }
        DataTable intents = table(en, "relance_intents");
        for (List<Object> row : intents.rows().subList(0, intents.rows().size() - 1)) {
            String code =
                    Map.of(
                                    "Heating, hot water", "HEATING",
                                    "Water damage, leak", "WATER_DAMAGE",
                                    "Rent receipt", "RENT_RECEIPT",
                                    "Lease, moving in or out", "LEASE",
                                    "Repair, maintenance", "REPAIR")
                            .get((String) row.get(0));
            long[] s = byIntent.get(code);
            assertThat(row.get(4)).as(code).isEqualTo(s[1]);
            close(row.get(5), (double) s[1] / s[0]);
            close(row.get(7), (double) s[2] / s[1]);
        }
        List<Object> total = intents.rows().get(intents.rows().size() - 1);
        close(total.get(7), (double) dupsAb / dups);

        List<Map.Entry<Integer, long[]>> ranked = new ArrayList<>(bySlot.entrySet());
        ranked.sort(
                (a, b) ->
                        a.getValue()[1] != b.getValue()[1]
                                ? Long.compare(b.getValue()[1], a.getValue()[1])
                                : Integer.compare(a.getKey(), b.getKey()));
        DataTable peak = table(en, "relance_peak");
        assertThat(peak.rows()).hasSize(7);
        double topWeighted = 0, topWeight = 0;
        long topRelances = 0;
        for (int k = 0; k < 5; k++) {
            int slot = ranked.get(k).getKey();
            List<Object> row = peak.rows().get(k);
            assertThat(row.get(2)).isEqualTo(ranked.get(k).getValue()[1]);
            topRelances += ranked.get(k).getValue()[1];
            double[] u = urgentBySlot.getOrDefault(slot, new double[2]);
            topWeighted += u[0];
            topWeight += u[1];
        }
        List<Object> top = peak.rows().get(5);
        assertThat(top.get(0)).isEqualTo("The 5 slots together");
        assertThat(top.get(2)).isEqualTo(topRelances);
        close(top.get(5), topWeighted / topWeight);
    }

    @Test
    void planVsActualComparesTheForecastAndThePlanWithTheMonth() {
        Map<String, double[]> cells = new HashMap<>();
        Instant first = null, last = null;
        for (Fixture.Forecast f : fixture.forecast) {
            cells.computeIfAbsent(key(f.start(), f.queue(), f.channel()), k -> new double[2])[0] +=
                    f.offered();
            first = first == null || f.start().isBefore(first) ? f.start() : first;
            last = last == null || f.start().isAfter(last) ? f.start() : last;
        }
        for (Fixture.Contact c : fixture.contacts) {
            if (inOctober(c.start()) && !c.start().isBefore(first) && !c.start().isAfter(last)) {
                cells.computeIfAbsent(key(c.start(), c.queue(), c.channel()), k -> new double[2])[
                                1] +=
                        c.offered();
            }
        }
        double forecast = 0, actual = 0, absError = 0;
        for (double[] v : cells.values()) {
            forecast += v[0];
            actual += v[1];
            absError += Math.abs(v[0] - v[1]);
        }
        DataTable weeks = table(en, "plan_weeks");
        List<Object> month = weeks.rows().get(weeks.rows().size() - 1);
        assertThat(month.get(0)).isEqualTo("Month");
        close(month.get(1), forecast);
        close(month.get(2), actual);
        close(month.get(3), forecast / actual - 1);
        close(month.get(4), absError / actual);
        assertThat(weeks.rows().get(0).get(0)).isEqualTo(LocalDate.of(2026, 9, 28));

        Map<String, Fixture.Contact> byKey = new HashMap<>();
        for (Fixture.Contact c : fixture.contacts) {
            byKey.put(key(c.start(), c.queue(), c.channel()), c);
        }
        long inSl = 0, den = 0;
        for (Fixture.Staffing s : fixture.staffing) {
            Fixture.Contact c = byKey.get(key(s.start(), s.queue(), s.channel()));
            if (c != null) {
                inSl += c.answeredInSl();
                den += c.offered() - c.shortAbandoned() - c.closed();
            }
        }
        List<Object> phone =
                table(en, "plan_service_level").rows().stream()
                        .filter(r -> "Month".equals(r.get(1)))
                        .findFirst()
                        .orElseThrow();
        close(phone.get(2), 0.82);
        close(phone.get(3), (double) inSl / den);
    }

    @Test
    void theBudgetAndWhatServiceLevelCostsFollowFromTheAgentHoursAndTheErlangModel() {
        double staffed = 0, productive = 0;
        for (Fixture.Agent a : fixture.agents) {
            if (inOctober(a.start())) {
                staffed += a.staffedS();
                productive += a.busyS() + a.wrapS();
            }
        }
        long handled = 0;
        for (Fixture.Contact c : fixture.contacts) {
            if (inOctober(c.start())) {
                handled += c.handled();
            }
        }
        ReportModel.Budget b = en.budget();
        close(b.paidHours(), staffed / 3600);
        close(b.productiveHours(), productive / 3600);
        assertThat(b.handled()).isEqualTo(handled);
        close(b.cost(), staffed / 3600 * 40);
        close(b.costPerContact(), staffed / 3600 * 40 / handled);
        close(kpi(en, "kpi.month_cost").value(), staffed / 3600 * 40);

        // The peak week: most phone + chat contacts offered, Paris weeks cut to the month.
        Map<LocalDate, Long> live = new TreeMap<>();
        for (Fixture.Contact c : fixture.contacts) {
            if (inOctober(c.start()) && !c.channel().equals("EMAIL")) {
                live.merge(monday(c.start()), c.offered(), Long::sum);
            }
        }
        LocalDate peak =
                live.entrySet().stream()
                        .max(
                                (x, y) ->
                                        x.getValue().equals(y.getValue())
                                                ? y.getKey().compareTo(x.getKey())
                                                : Long.compare(x.getValue(), y.getValue()))
                        .orElseThrow()
                        .getKey();
        Map<String, double[]> load = new TreeMap<>();
        Map<String, double[]> weekAht = new HashMap<>();
        double work = 0;
        for (Fixture.Contact c : fixture.contacts) {
            if (!inOctober(c.start()) || !monday(c.start()).equals(peak)) {
                continue;
            }
            if (c.channel().equals("EMAIL")) {
                work += c.ahtS() == null ? 0 : c.ahtS() * c.handled();
                continue;
            }
            double[] v = load.computeIfAbsent(c.start() + "|" + c.channel(), k -> new double[3]);
            v[0] += c.offered() - c.closed();
            if (c.ahtS() != null) {
                v[1] += c.ahtS() * c.handled();
                v[2] += c.handled();
                double[] w = weekAht.computeIfAbsent(c.channel(), k -> new double[2]);
                w[0] += c.ahtS() * c.handled();
                w[1] += c.handled();
            }
        }
        DataTable cost = table(en, "sl_cost");
        double[] targets = {0.70, 0.80, 0.90};
        for (int k = 0; k < 3; k++) {
            double agentQuarters = 0;
            for (Map.Entry<String, double[]> e : load.entrySet()) {
                String channel = e.getKey().substring(e.getKey().indexOf('|') + 1);
                double[] v = e.getValue();
                double aht =
                        v[2] > 0 ? v[1] / v[2] : weekAht.get(channel)[0] / weekAht.get(channel)[1];
                if (v[0] <= 0) {
                    continue;
                }
                // the staffing model's own agents for this quarter-hour (Erlang A with the
                // default patience; ErlangA has its own oracle test): what this test checks is
                // how the report adds quarter-hours, shrinkage and deferred work into paid hours
                ChannelTargets t = TargetsConfig.defaults().of("", Channel.valueOf(channel));
                agentQuarters +=
                        RequiredAgents.solve(
                                        t.model(v[0] * aht / 900, aht),
                                        StaffingTargets.none()
                                                .withServiceLevel(
                                                        targets[k] * 100, t.thresholdSeconds()))
                                .agents();
            }
            double liveShrinkage = TargetsConfig.defaults().of("", Channel.PHONE).shrinkage();
            double deferredShrinkage = TargetsConfig.defaults().of("", Channel.EMAIL).shrinkage();
            double paid =
                    agentQuarters / 4 / (1 - liveShrinkage) + work / 3600 / (1 - deferredShrinkage);
            List<Object> row = cost.rows().get(k);
            assertThat(row.get(0)).isEqualTo(peak);
            assertThat((Double) row.get(5)).isCloseTo(paid, within(1e-6));
            assertThat((Double) row.get(6)).isCloseTo(paid * 40, within(1e-4));
        }
        assertThat((Double) cost.rows().get(2).get(6))
                .as("90 % costs more than 70 %")
                .isGreaterThan((Double) cost.rows().get(0).get(6));
    }

    private static LocalDate monday(Instant t) {
        return t.atZone(Fixture.PARIS)
                .toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * The fewest agents whose Erlang C service level, 1 − C(N, A) · e^{−(N − A) T / aht}, reaches
     * {@code target}; C from the Erlang B recursion B(k) = A B(k−1) / (k + A B(k−1)), C = N B / (N
     * − A (1 − B)). Written here independently of the forecasting module.
     */
    static int erlangCAgents(double a, double aht, double thresholdS, double target) {
        for (int n = 1; ; n++) {
            if (n <= a) {
                continue;
            }
            double b = 1;
            for (int k = 1; k <= n; k++) {
                b = a * b / (k + a * b);
            }
            double c = n * b / (n - a * (1 - b));
            double sl = 1 - c * Math.exp(-(n - a) * thresholdS / aht);
            if (sl >= target - 1e-9) {
                return n;
            }
        }
    }

    @Test
    void theWorkbookHasOneSheetPerSectionAndThePdfAndHtmlTheSections() throws Exception {
        Path xlsx = tmp.resolve("r.xlsx");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.FR, new ReportOptions(40), xlsx);
        try (InputStream in = Files.newInputStream(xlsx);
                Workbook wb = new XSSFWorkbook(in)) {
            for (String sheet :
                    List.of(
                            "Synthèse",
                            "Service par canal",
                            "Demandes urgentes",
                            "Relances",
                            "Plan et réalisé",
                            "Budget")) {
                assertThat(wb.getSheet(sheet)).as(sheet).isNotNull();
            }
        }
        Path html = tmp.resolve("r.html");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.EN, new ReportOptions(40), html);
        assertThat(Files.readString(html))
                .contains("Urgent requests")
                .contains("Repeat contacts")
                .contains("Plan vs actual")
                .contains("What service level costs")
                .contains("Outside hours")
                .contains("Turned away");
    }
}
