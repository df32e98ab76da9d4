package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.table.RosterTable;
import fr.joignable.forecasting.staffing.ReplaySummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hiring step's candidates and its choice rule, on hand-made replays. */
class HiringTest {

    private static RosterTable.Row agent(String id, String team, String skills, double fte) {
        return new RosterTable.Row(id, team, List.of(skills.split(";")), fte, 0);
    }

    private static ReplaySummary.Line line(String queue, int slots, int met) {
        return new ReplaySummary.Line(queue, Channel.PHONE, 100, 0.85, 80, slots, met, 0.02, 5);
    }

    private static ScheduleVerification.Outcome outcome(ReplaySummary.Line... lines) {
        return new ScheduleVerification.Outcome(List.of(lines), List.of(), 0);
    }

    @Test
    void theNextIdFollowsTheRostersNumbering() {
        assertThat(
                        Hiring.nextId(
                                List.of(
                                        agent("A001", "N", "LOYERS", 1),
                                        agent("A024", "N", "LOYERS", 1),
                                        agent("A007", "N", "LOYERS", 1))))
                .isEqualTo("A025");
        // the width is the widest id's; a number growing a digit keeps growing
        assertThat(Hiring.nextId(List.of(agent("A9", "N", "X", 1)))).isEqualTo("A10");
        assertThat(Hiring.nextId(List.of(agent("A099", "N", "X", 1)))).isEqualTo("A100");
        // mixed prefixes, or ids without a number: HIRE-k, the first free
        assertThat(Hiring.nextId(List.of(agent("A1", "N", "X", 1), agent("B2", "N", "X", 1))))
                .isEqualTo("HIRE-1");
        assertThat(Hiring.nextId(List.of(agent("x", "N", "X", 1), agent("HIRE-1", "N", "X", 1))))
                .isEqualTo("HIRE-2");
    }

    @Test
    void oneFullTimeCandidatePerSkillSetTrainedInTheQueue() {
        List<RosterTable.Row> roster =
                List.of(
                        agent("A001", "NORD", "TECHNIQUE;PROXIMITE", 1),
                        agent("A002", "SUD", "LOYERS;GESTION_LOCATIVE", 0.5),
                        agent("A003", "EST", "GESTION_LOCATIVE;DEMANDES", 1),
                        // the same set as A002 in another order and team: not a new candidate
                        agent("A004", "NORD", "GESTION_LOCATIVE;LOYERS", 1));
        List<Hiring.Candidate> c = Hiring.candidates(roster, "GESTION_LOCATIVE");
        assertThat(c).hasSize(2);
        assertThat(c.get(0).like().agentId()).isEqualTo("A002");
        assertThat(c.get(0).agent())
                .isEqualTo(
                        new RosterTable.Row(
                                "A005", "SUD", List.of("LOYERS", "GESTION_LOCATIVE"), 1.0, 0));
        assertThat(c.get(1).like().agentId()).isEqualTo("A003");
        assertThat(c.get(1).agent().team()).isEqualTo("EST");
        assertThat(Hiring.candidates(roster, "ACCUEIL")).isEmpty();
        assertThat(Hiring.with(roster, c.get(1).agent())).hasSize(5).endsWith(c.get(1).agent());
    }

    @Test
    void spareCountsSlotsBeyondTheCriterionCappedAtTheMargin() {
        // 90 % of 50 slots is 45
        assertThat(Hiring.spare(line("Q", 50, 46))).isEqualTo(1);
        assertThat(Hiring.spare(line("Q", 50, 45))).isZero();
        assertThat(Hiring.spare(line("Q", 50, 43))).isEqualTo(-2);
        assertThat(Hiring.spare(line("Q", 50, 49))).isEqualTo(Hiring.MARGIN_SLOTS);
        // 14 slots need 13: 13 is none to spare, 14 of 14 is all met, the margin
        assertThat(Hiring.spare(line("Q", 14, 13))).isZero();
        assertThat(Hiring.spare(line("Q", 14, 14))).isEqualTo(Hiring.MARGIN_SLOTS);
    }

    @Test
    void theTightestQueueHasTheLeastToSpareInAnyBatchThenTheLowerShare() {
        ScheduleVerification.Outcome first =
                outcome(
                        line("ACCUEIL", 49, 48),
                        line("PROXIMITE", 42, 38), // 38 needed: none to spare, 90.5 %
                        line("GESTION_LOCATIVE", 50, 46),
                        line("CHAT", 14, 14),
                        line("CLOSED", 0, 0));
        ScheduleVerification.Outcome second =
                outcome(
                        line("ACCUEIL", 49, 48),
                        line("PROXIMITE", 42, 40),
                        line("GESTION_LOCATIVE", 50, 45), // none to spare, 90 %
                        line("CHAT", 14, 14));
        assertThat(Hiring.tightest(List.of(first)).queue()).isEqualTo("PROXIMITE");
        assertThat(Hiring.tightest(List.of(first, second)).queue()).isEqualTo("GESTION_LOCATIVE");
        ScheduleVerification.Outcome margin = outcome(line("A", 50, 46), line("B", 14, 14));
        assertThat(Hiring.tightest(List.of(margin, margin))).isNull();
        assertThat(Hiring.score(List.of(margin, margin)).hasTheMargin()).isTrue();
        // a schedule is as good as its worst batch
        assertThat(Hiring.score(List.of(margin, second)))
                .isEqualTo(new Hiring.Score(0, 0.9, 46 + 14 + 48 + 40 + 45 + 14));
    }

    @Test
    void aHireMustLiftTheSpareOrTheWorstQueue() {
        Hiring.Score today = Hiring.score(List.of(outcome(line("GL", 50, 44), line("P", 42, 39))));
        assertThat(today).isEqualTo(new Hiring.Score(-1, 0.88, 83));
        // GL 44 → 45 of 50: from one slot under to none to spare
        Hiring.Score better = Hiring.score(List.of(outcome(line("GL", 50, 45), line("P", 42, 39))));
        assertThat(better.worthAHireOver(today)).isTrue();
        assertThat(better).isGreaterThan(today);
        // more met slots elsewhere only: not worth a salary
        Hiring.Score elsewhere =
                Hiring.score(List.of(outcome(line("GL", 50, 44), line("P", 42, 42))));
        assertThat(elsewhere).isGreaterThan(today);
        assertThat(elsewhere.worthAHireOver(today)).isFalse();
        // the least spare decides before the worst share: GL 46 of 50 (the margin, 92 %) beats
        // GL all met with P 13 of 14 (none to spare, though 92.9 %)
        assertThat(Hiring.score(List.of(outcome(line("GL", 50, 46), line("P", 14, 14)))))
                .isGreaterThan(
                        Hiring.score(List.of(outcome(line("GL", 50, 50), line("P", 14, 13)))));
    }
}
