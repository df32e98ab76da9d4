package fr.joignable.reporting;

import static fr.joignable.reporting.QueryRunner.d;

import fr.joignable.reporting.ReportModel.Budget;
import fr.joignable.reporting.ReportModel.Kind;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The first page's tiles: volumes and cost, then service per channel — the phone against 20 s, the
 * chat against 60 s, the written channels (e-mail, letter, portal) answered within 48 h and their
 * backlog — never one service level blending them.
 */
final class KpiTiles {

    private final Messages msg;
    private final Formats fmt;

    KpiTiles(Messages msg, Formats fmt) {
        this.msg = msg;
        this.fmt = fmt;
    }

    List<Kpi> tiles(
            Map<String, Object> now,
            Map<String, Object> before,
            Map<String, Map<String, Object>> ch,
            Map<String, Map<String, Object>> chBefore,
            Map<String, Object> agents,
            Map<String, Object> agentsBefore,
            Budget budget,
            Budget budgetBefore) {
        List<Kpi> k = new ArrayList<>();
        k.add(
                new Kpi(
                        "kpi.offered",
                        Kind.COUNT,
                        d(now, "offered"),
                        d(before, "offered"),
                        Status.NONE,
                        msg.get("target.none")));
        k.add(
                new Kpi(
                        "kpi.answered",
                        Kind.COUNT,
                        d(now, "answered"),
                        d(before, "answered"),
                        Targets.atLeast(
                                d(now, "answer_rate"),
                                Targets.ANSWER_RATE_GREEN,
                                Targets.ANSWER_RATE_AMBER),
                        msg.get("target.answered", fmt.pct(Targets.ANSWER_RATE_GREEN))));
        if (budget != null) {
            k.add(
                    new Kpi(
                            "kpi.month_cost",
                            Kind.MONEY,
                            budget.cost(),
                            budgetBefore == null ? null : budgetBefore.cost(),
                            Status.NONE,
                            msg.get("target.none")));
        }
        sl(k, "kpi.phone_sl", ch, chBefore, "PHONE", "20 s");
        sl(k, "kpi.chat_sl", ch, chBefore, "CHAT", "60 s");
        sl(k, "kpi.written_sl", ch, chBefore, "WRITTEN", "48 h");
        abandon(k, "kpi.phone_abandon", ch, chBefore, "PHONE");
        abandon(k, "kpi.chat_abandon", ch, chBefore, "CHAT");
        if (ch.containsKey("WRITTEN")) {
            k.add(
                    new Kpi(
                            "kpi.backlog",
                            Kind.COUNT,
                            d(ch.get("WRITTEN"), "backlog"),
                            chBefore.containsKey("WRITTEN")
                                    ? d(chBefore.get("WRITTEN"), "backlog")
                                    : null,
                            Status.NONE,
                            msg.get("target.none")));
        }
        if (ch.containsKey("PHONE")) {
            Double asa = d(ch.get("PHONE"), "asa_s");
            k.add(
                    new Kpi(
                            "kpi.phone_asa",
                            Kind.SECONDS,
                            asa,
                            chBefore.containsKey("PHONE")
                                    ? d(chBefore.get("PHONE"), "asa_s")
                                    : null,
                            Targets.atMost(asa, Targets.ASA_GREEN_S, Targets.ASA_AMBER_S),
                            "≤ " + fmt.seconds(Targets.ASA_GREEN_S)));
        }
        Double aht = d(now, "aht_s");
        k.add(
                new Kpi(
                        "kpi.aht",
                        Kind.SECONDS,
                        aht,
                        d(before, "aht_s"),
                        Targets.atMost(aht, Targets.AHT_GREEN_S, Targets.AHT_AMBER_S),
                        "≤ " + fmt.seconds(Targets.AHT_GREEN_S)));
        if (budget != null) {
            k.add(
                    new Kpi(
                            "kpi.cost_per_contact",
                            Kind.MONEY,
                            budget.costPerContact(),
                            budgetBefore == null ? null : budgetBefore.costPerContact(),
                            Status.NONE,
                            msg.get("target.none")));
        }
        if (agents != null) {
            Double occ = d(agents, "occupancy");
            k.add(
                    new Kpi(
                            "kpi.occupancy",
                            Kind.PCT,
                            occ,
                            d(agentsBefore, "occupancy"),
                            Targets.occupancy(occ),
                            fmt.pct(Targets.OCC_GREEN_LOW)
                                    + " – "
                                    + fmt.pct(Targets.OCC_GREEN_HIGH)));
        }
        Double dup = d(now, "duplicate_rate");
        k.add(
                new Kpi(
                        "kpi.duplicate_rate",
                        Kind.PCT,
                        dup,
                        d(before, "duplicate_rate"),
                        Targets.atMost(dup, Targets.DUP_GREEN, Targets.DUP_AMBER),
                        "≤ " + fmt.pct(Targets.DUP_GREEN)));
        Double after = d(now, "after_abandon_share");
        k.add(
                new Kpi(
                        "kpi.after_abandon",
                        Kind.PCT,
                        after,
                        d(before, "after_abandon_share"),
                        Targets.atMost(
                                after, Targets.AFTER_ABANDON_GREEN, Targets.AFTER_ABANDON_AMBER),
                        "≤ " + fmt.pct(Targets.AFTER_ABANDON_GREEN)));
        return k;
    }

    private void sl(
            List<Kpi> k,
            String key,
            Map<String, Map<String, Object>> ch,
            Map<String, Map<String, Object>> chBefore,
            String channel,
            String threshold) {
        if (!ch.containsKey(channel)) {
            return;
        }
        Double v = d(ch.get(channel), "service_level");
        k.add(
                new Kpi(
                        key,
                        Kind.PCT,
                        v,
                        chBefore.containsKey(channel)
                                ? d(chBefore.get(channel), "service_level")
                                : null,
                        Targets.atLeast(v, Targets.SL_GREEN, Targets.SL_AMBER),
                        msg.get("target.sl_within", fmt.pct(Targets.SL_GREEN), threshold)));
    }

    private void abandon(
            List<Kpi> k,
            String key,
            Map<String, Map<String, Object>> ch,
            Map<String, Map<String, Object>> chBefore,
            String channel) {
        if (!ch.containsKey(channel)) {
            return;
        }
        Double v = d(ch.get(channel), "abandon_rate");
        k.add(
                new Kpi(
                        key,
                        Kind.PCT,
                        v,
                        chBefore.containsKey(channel)
                                ? d(chBefore.get(channel), "abandon_rate")
                                : null,
                        Targets.atMost(v, Targets.ABANDON_GREEN, Targets.ABANDON_AMBER),
                        "≤ " + fmt.pct(Targets.ABANDON_GREEN)));
    }
}
