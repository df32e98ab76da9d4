package fr.joignable.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.schedule.ScheduleVerification;
import fr.joignable.forecasting.staffing.ReplaySummary;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What `schedule --verify` says of a queue that meets the criterion by a slot or none to spare. */
class ScheduleVerifyTest {

    private static ReplaySummary.Line line(String queue, int slots, int met) {
        return new ReplaySummary.Line(queue, Channel.PHONE, 100, 0.85, 80, slots, met, 0.02, 5);
    }

    @Test
    void namesTheQueuesWithAtMostOneSlotToSpare() {
        // 90 % of 50 slots is 45: 46 met is one to spare, 45 none, 47 two, 44 under (not "close")
        ScheduleVerification.Outcome o =
                new ScheduleVerification.Outcome(
                        List.of(
                                line("GESTION_LOCATIVE", 50, 46),
                                line("LOYERS", 50, 45),
                                line("TECHNIQUE", 50, 47),
                                line("DEMANDES", 50, 44),
                                line("CLOSED", 0, 0)),
                        List.of(),
                        0);
        List<String> close = ScheduleVerify.closeToTheLine(o);
        assertThat(close).hasSize(2);
        assertThat(close.get(0))
                .isEqualTo(
                        "Close to the line: GESTION_LOCATIVE PHONE meets 46 of 50 slots, 45"
                                + " needed; one slot is 2 points and other seeds can put it under"
                                + " (re-check with simulate --seeds 40).");
        assertThat(close.get(1)).startsWith("Close to the line: LOYERS PHONE meets 45 of 50 slots");
    }

    @Test
    void saysNothingWithAMargin() {
        // 49 slots need 45 (48 met: 3 to spare); 20 need 18 (20 met: 2 to spare)
        ScheduleVerification.Outcome o =
                new ScheduleVerification.Outcome(
                        List.of(
                                line("ACCUEIL", 49, 48),
                                line("LOYERS", 20, 20),
                                // every slot met: 18 of 18 is one to spare, but none near the line
                                line("PROXIMITE", 18, 18),
                                line("DEMANDES", 1, 1)),
                        List.of(),
                        0);
        assertThat(ScheduleVerify.closeToTheLine(o)).isEmpty();
    }

    @Test
    void simulatesLinesGetTheSameNotice() {
        // simulate prints its per-queue lines without an Outcome: same rule, same words
        List<ReplaySummary.Line> lines =
                List.of(line("GESTION_LOCATIVE", 50, 46), line("ACCUEIL", 49, 48));
        assertThat(ScheduleVerify.closeToTheLine(lines))
                .containsExactly(
                        "Close to the line: GESTION_LOCATIVE PHONE meets 46 of 50 slots, 45"
                                + " needed; one slot is 2 points and other seeds can put it under"
                                + " (re-check with simulate --seeds 40).");
    }
}
