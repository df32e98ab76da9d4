package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.d;

import fr.joignable.domain.targets.Band;
import fr.joignable.reporting.ReportModel.Budget;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Status;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The first page's tiles: volumes and cost, then service per channel — the phone against its
 * threshold (20 s by default), the chat against its own (60 s), the written channels (e-mail,
 * letter, portal) answered within their response target (48 h) and their backlog — never one
 * service level blending them. Each tile is one row of {@link #SPECS}: where its figure is, what it
 * is judged by and how its target reads; a tile whose row is absent (no chat this month, no agent
 * data) is left out.
 */
final class KpiTiles {

    /** The result row a tile's figure is read from. */
    private enum Row {
        /** the month's centre-wide row ({@code contact_summary}) */
        CENTRE,
        PHONE,
        CHAT,
        /** e-mail, letter and portal together */
        WRITTEN,
        /** the agents' month ({@code agent_summary}) */
        AGENTS,
        /** what the month cost ({@link Budget}) */
        BUDGET
    }

    /**
     * One tile.
     *
     * @param key the message key of its name
     * @param kind how its figure is formatted
     * @param row where its figure is
     * @param column the figure's column in that row (this month and the one before)
     * @param statusColumn the column its status is judged on (the answered tile: the answer rate)
     * @param band the bounds it is judged by, from the centre's targets; {@code null}: not judged
     * @param target how its target reads
     */
    private record Spec(
            String key,
            Kind kind,
            Row row,
            String column,
            String statusColumn,
            Function<ReportTargets, Band> band,
            Function<KpiTiles, String> target) {

        Spec(
                String key,
                Kind kind,
                Row row,
                String column,
                Function<ReportTargets, Band> band,
                Function<KpiTiles, String> target) {
            this(key, kind, row, column, column, band, target);
        }
    }

    private static final Function<ReportTargets, Band> ABANDON =
            t -> Band.atMost(t.abandonGreen(), t.abandonAmber());

    /** The tiles, in the order of the page. */
    private static final List<Spec> SPECS =
            List.of(
                    new Spec(
                            "kpi.offered", Kind.COUNT, Row.CENTRE, "offered", null, KpiTiles::none),
                    new Spec(
                            "kpi.answered",
                            Kind.COUNT,
                            Row.CENTRE,
                            "answered",
                            "answer_rate",
                            t -> Band.atLeast(t.answerRateGreen(), t.answerRateAmber()),
                            x -> x.msg.get("target.answered", x.fmt.pct(x.t.answerRateGreen()))),
                    new Spec(
                            "kpi.month_cost", Kind.MONEY, Row.BUDGET, "cost", null, KpiTiles::none),
                    new Spec(
                            "kpi.phone_sl",
                            Kind.PCT,
                            Row.PHONE,
                            "service_level",
                            t -> t.serviceLevel("PHONE"),
                            x -> x.within("PHONE", x.t.phoneThreshold())),
                    new Spec(
                            "kpi.chat_sl",
                            Kind.PCT,
                            Row.CHAT,
                            "service_level",
                            t -> t.serviceLevel("CHAT"),
                            x -> x.within("CHAT", x.t.chatThreshold())),
                    new Spec(
                            "kpi.written_sl",
                            Kind.PCT,
                            Row.WRITTEN,
                            "service_level",
                            t -> t.serviceLevel("WRITTEN"),
                            x -> x.within("WRITTEN", x.t.writtenThreshold())),
                    new Spec(
                            "kpi.phone_abandon",
                            Kind.PCT,
                            Row.PHONE,
                            "abandon_rate",
                            ABANDON,
                            x -> x.atMostPct(x.t.abandonGreen())),
                    new Spec(
                            "kpi.chat_abandon",
                            Kind.PCT,
                            Row.CHAT,
                            "abandon_rate",
                            ABANDON,
                            x -> x.atMostPct(x.t.abandonGreen())),
                    new Spec(
                            "kpi.backlog",
                            Kind.COUNT,
                            Row.WRITTEN,
                            "backlog",
                            null,
                            KpiTiles::none),
                    new Spec(
                            "kpi.phone_asa",
                            Kind.SECONDS,
                            Row.PHONE,
                            "asa_s",
                            t -> Band.atMost(t.asaGreenS(), t.asaAmberS()),
                            x -> "≤ " + x.fmt.seconds(x.t.asaGreenS())),
                    new Spec(
                            "kpi.aht",
                            Kind.SECONDS,
                            Row.CENTRE,
                            "aht_s",
                            t -> Band.atMost(t.ahtGreenS(), t.ahtAmberS()),
                            x -> "≤ " + x.fmt.seconds(x.t.ahtGreenS())),
                    new Spec(
                            "kpi.cost_per_contact",
                            Kind.MONEY,
                            Row.BUDGET,
                            "cost_per_contact",
                            null,
                            KpiTiles::none),
                    new Spec(
                            "kpi.occupancy",
                            Kind.PCT,
                            Row.AGENTS,
                            "occupancy",
                            t -> t.bands().occupancy(),
                            x ->
                                    x.fmt.pct(x.t.occGreenLow())
                                            + " – "
                                            + x.fmt.pct(x.t.occGreenHigh())),
                    new Spec(
                            "kpi.duplicate_rate",
                            Kind.PCT,
                            Row.CENTRE,
                            "duplicate_rate",
                            t -> Band.atMost(t.dupGreen(), t.dupAmber()),
                            x -> x.atMostPct(x.t.dupGreen())),
                    new Spec(
                            "kpi.after_abandon",
                            Kind.PCT,
                            Row.CENTRE,
                            "after_abandon_share",
                            t -> Band.atMost(t.afterAbandonGreen(), t.afterAbandonAmber()),
                            x -> x.atMostPct(x.t.afterAbandonGreen())));

    private final Messages msg;
    private final Formats fmt;
    private final ReportTargets t;

    KpiTiles(Messages msg, Formats fmt, ReportTargets t) {
        this.msg = msg;
        this.fmt = fmt;
        this.t = t;
    }

    /**
     * The tiles of a month.
     *
     * @param now the month's centre-wide row; {@code before} the previous month's
     * @param ch the month's rows per channel group (PHONE, CHAT, WRITTEN), present where the month
     *     had such contacts; {@code chBefore} the previous month's
     * @param agents the agents' month, {@code null} without agent data; {@code agentsBefore} the
     *     previous month's (empty when none)
     * @param budget what the month cost, {@code null} without agent data; {@code budgetBefore} the
     *     previous month's, or {@code null}
     */
    List<Kpi> tiles(
            Map<String, Object> now,
            Map<String, Object> before,
            Map<String, Map<String, Object>> ch,
            Map<String, Map<String, Object>> chBefore,
            Map<String, Object> agents,
            Map<String, Object> agentsBefore,
            Budget budget,
            Budget budgetBefore) {
        Map<Row, Map<String, Object>> thisMonth = rows(now, ch, agents, budget);
        Map<Row, Map<String, Object>> previous = rows(before, chBefore, agentsBefore, budgetBefore);
        List<Kpi> k = new ArrayList<>();
        for (Spec s : SPECS) {
            Map<String, Object> row = thisMonth.get(s.row());
            if (row == null) {
                continue;
            }
            Status status =
                    s.band() == null
                            ? Status.NONE
                            : ReportTargets.of(s.band().apply(t), d(row, s.statusColumn()));
            k.add(
                    new Kpi(
                            s.key(),
                            s.kind(),
                            d(row, s.column()),
                            d(previous.get(s.row()), s.column()),
                            status,
                            s.target().apply(this)));
        }
        return k;
    }

    private static Map<Row, Map<String, Object>> rows(
            Map<String, Object> centre,
            Map<String, Map<String, Object>> channels,
            Map<String, Object> agents,
            Budget budget) {
        Map<Row, Map<String, Object>> rows = new EnumMap<>(Row.class);
        rows.put(Row.CENTRE, centre == null ? Map.of() : centre);
        for (Row channel : List.of(Row.PHONE, Row.CHAT, Row.WRITTEN)) {
            if (channels != null && channels.containsKey(channel.name())) {
                rows.put(channel, channels.get(channel.name()));
            }
        }
        if (agents != null) {
            rows.put(Row.AGENTS, agents);
        }
        if (budget != null) {
            Map<String, Object> b = new HashMap<>();
            b.put("cost", budget.cost());
            b.put("cost_per_contact", budget.costPerContact());
            rows.put(Row.BUDGET, b);
        }
        return rows;
    }

    private String none() {
        return msg.get("target.none");
    }

    private String within(String channel, String threshold) {
        return msg.get("target.sl_within", fmt.pct(t.serviceLevel(channel).greenLow()), threshold);
    }

    private String atMostPct(double bound) {
        return "≤ " + fmt.pct(bound);
    }
}
