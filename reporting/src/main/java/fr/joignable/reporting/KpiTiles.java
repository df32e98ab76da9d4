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
 * The first page's tiles: volumes and cost, then service per channel — the phone against its
 * threshold (20 s by default), the chat against its own (60 s), the written channels (e-mail,
 * letter, portal) answered within their response target (48 h) and their backlog — never one
 * service level blending them.
 */
final class KpiTiles {

    private final Messages msg;
    private final Formats fmt;
    private final ReportTargets t;

    KpiTiles(Messages msg, Formats fmt, ReportTargets t) {
        this.msg = msg;
        this.fmt = fmt;
        this.t = t;
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
                        ReportTargets.atLeast(
                                d(now, "answer_rate"), t.answerRateGreen(), t.answerRateAmber()),
                        msg.get("target.answered", fmt.pct(t.answerRateGreen()))));
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
        sl(k, "kpi.phone_sl", ch, chBefore, "PHONE", t.phoneThreshold());
        sl(k, "kpi.chat_sl", ch, chBefore, "CHAT", t.chatThreshold());
        sl(k, "kpi.written_sl", ch, chBefore, "WRITTEN", t.writtenThreshold());
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
                            ReportTargets.atMost(asa, t.asaGreenS(), t.asaAmberS()),
                            "≤ " + fmt.seconds(t.asaGreenS())));
        }
        Double aht = d(now, "aht_s");
        k.add(
                new Kpi(
                        "kpi.aht",
                        Kind.SECONDS,
                        aht,
                        d(before, "aht_s"),
                        ReportTargets.atMost(aht, t.ahtGreenS(), t.ahtAmberS()),
                        "≤ " + fmt.seconds(t.ahtGreenS())));
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
                            t.occupancy(occ),
                            fmt.pct(t.occGreenLow()) + " – " + fmt.pct(t.occGreenHigh())));
        }
        Double dup = d(now, "duplicate_rate");
        k.add(
                new Kpi(
                        "kpi.duplicate_rate",
                        Kind.PCT,
                        dup,
                        d(before, "duplicate_rate"),
                        ReportTargets.atMost(dup, t.dupGreen(), t.dupAmber()),
                        "≤ " + fmt.pct(t.dupGreen())));
        Double after = d(now, "after_abandon_share");
        k.add(
                new Kpi(
                        "kpi.after_abandon",
                        Kind.PCT,
                        after,
                        d(before, "after_abandon_share"),
                        ReportTargets.atMost(after, t.afterAbandonGreen(), t.afterAbandonAmber()),
                        "≤ " + fmt.pct(t.afterAbandonGreen())));
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
                        ReportTargets.atLeast(v, t.slGreen(), t.slAmber()),
                        msg.get("target.sl_within", fmt.pct(t.slGreen()), threshold)));
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
                        ReportTargets.atMost(v, t.abandonGreen(), t.abandonAmber()),
                        "≤ " + fmt.pct(t.abandonGreen())));
    }
}
