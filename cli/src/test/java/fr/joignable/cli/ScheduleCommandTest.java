package fr.joignable.cli;

import static fr.joignable.cli.JoignableCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.cli.JoignableCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage and input errors of {@code joignable schedule} (the solve itself: ScheduleHardRulesTest).
 */
class ScheduleCommandTest {

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private Run schedule(String... extra) throws IOException {
        Path roster = write("roster.csv", "agent_id,team,skills,fte\nx,T,LOYERS,1\n");
        Path staffing =
                write(
                        "staffing.csv",
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents\n"
                                + "2026-10-05T07:00:00Z,LOYERS,PHONE,8,240,1,1\n");
        String[] base = {
            "schedule",
            "--roster",
            roster.toString(),
            "--staffing",
            staffing.toString(),
            "--out",
            dir.resolve("schedule.csv").toString()
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void aTimeLimitOfZeroIsAUsageError() throws IOException {
        Run run = schedule("--time-limit", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--time-limit must be positive");
        assertThat(dir.resolve("schedule.csv")).doesNotExist();
    }

    @Test
    void anUnknownRuleIsAnInputErrorNamingTheKey() throws IOException {
        Path rules = write("rules.yaml", "shifts:\n  lenghts: [4h]\n");
        Run run = schedule("--rules", rules.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("unknown key 'shifts.lenghts'");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("schedule.csv")).doesNotExist();
    }

    @Test
    void verifyOptionsWithoutVerifyAreAUsageError() throws IOException {
        Run run = schedule("--verify-out", dir.resolve("slots.csv").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("need --verify");
        assertThat(dir.resolve("schedule.csv")).doesNotExist();
    }

    /**
     * One agent for 8 calls of 4 minutes in a quarter-hour (2.1 erlangs): the replay shows the
     * queue under target, a round re-solves, and the slot file is written.
     */
    @Test
    void verifyReplaysTheScheduleAndReportsTheCriterion() throws IOException {
        Path slots = dir.resolve("slots.csv");
        Run run =
                schedule(
                        "--time-limit",
                        "10s",
                        "--verify",
                        "--verify-rounds",
                        "1",
                        "--verify-seeds",
                        "6",
                        "--verify-out",
                        slots.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("verify: round 0 (as solved)");
        assertThat(run.out()).contains("verify: round 1");
        // the round kept is judged again on seeds that chose nothing (at least 10)
        assertThat(run.out()).containsPattern("verify: round [01] kept; on 10 confirmation seeds");
        assertThat(run.out()).contains("judged on 10 confirmation seeds that chose nothing");
        assertThat(run.out()).contains("LOYERS PHONE: service level");
        assertThat(run.out()).contains("Criterion").contains("not met");
        assertThat(run.out()).contains("LOYERS PHONE Mon 09:00");
        assertThat(Files.readAllLines(slots))
                .first()
                .isEqualTo("queue,channel,weekday,hour,contacts,service_level,target,met");
        assertThat(Files.readAllLines(slots)).hasSize(2);
        assertThat(Files.readAllLines(slots).get(1)).startsWith("LOYERS,PHONE,MONDAY,9,");
        assertThat(Files.readAllLines(slots).get(1)).endsWith(",0.8,false");
    }

    /**
     * What the demo runs ({@code DemoCommand.VERIFY_ROUNDS} = 0): the first solve is replayed and
     * confirmed, never re-solved, so the schedule is the one {@code schedule} writes without {@code
     * --verify}, byte for byte.
     */
    @Test
    void verifyWithoutRoundsReportsTheFirstSolveUnchanged() throws IOException {
        Run plain = schedule("--time-limit", "10s");
        assertThat(plain.status()).as(plain.err()).isEqualTo(0);
        byte[] first = Files.readAllBytes(dir.resolve("schedule.csv"));
        Run run =
                schedule(
                        "--time-limit",
                        "10s",
                        "--verify",
                        "--verify-rounds",
                        "0",
                        "--verify-seeds",
                        "3");
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.out()).contains("verify: round 0 (as solved)");
        assertThat(run.out()).doesNotContain("verify: round 1");
        assertThat(run.out()).contains("verify: round 0 kept; on 10 confirmation seeds");
        assertThat(run.out()).contains("(the first solve, no re-solve asked; judged on 10");
        assertThat(Files.readAllBytes(dir.resolve("schedule.csv"))).isEqualTo(first);
    }

    /**
     * The hiring step end to end: one LOYERS agent for a Monday morning that needs two (2 calls a
     * quarter-hour of 4 minutes: 0.53 erlang; Erlang C gives 49 % answered within 20 s with one
     * agent, 90 % with two). The hire is a copy of the only profile trained in LOYERS, named after
     * no numbered id; the schedule written is for the roster with him.
     */
    @Test
    void hireOutHiresWhereSimulationShowsAQueueShortOfPeople() throws IOException {
        Path roster = write("today.csv", "agent_id,team,skills,fte\nx,T,LOYERS,1\n");
        StringBuilder plan =
                new StringBuilder(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents\n");
        // 09:00-13:00 Paris, so that a 4-hour shift pays for itself
        for (int q = 0; q < 16; q++) {
            plan.append(
                    String.format(
                            "2026-10-05T%02d:%02d:00Z,LOYERS,PHONE,2,240,2,2\n",
                            7 + q / 4, 15 * (q % 4)));
        }
        Path staffing = write("plan.csv", plan.toString());
        Path hired = dir.resolve("hired.csv");
        Path schedule = dir.resolve("schedule.csv");
        Run run =
                run(
                        "schedule",
                        "--roster",
                        roster.toString(),
                        "--staffing",
                        staffing.toString(),
                        "--out",
                        schedule.toString(),
                        "--time-limit",
                        "10s",
                        "--verify",
                        "--verify-rounds",
                        "0",
                        "--verify-seeds",
                        "3",
                        "--hire-out",
                        hired.toString());
        assertThat(run.status()).as(run.err()).isEqualTo(0);
        assertThat(run.out())
                .contains("hire: today's roster (1 agent) on 4 batches of 10 selection seeds");
        assertThat(run.out()).contains("hire 1: LOYERS PHONE has the least to spare");
        assertThat(run.out()).contains("hire 1: HIRE-1 (full time, T, LOYERS, like x) hired");
        assertThat(run.out()).contains("Hiring: HIRE-1 (full time, T, LOYERS, like x)");
        assertThat(Files.readAllLines(hired))
                .containsExactly(
                        "agent_id,team,skills,fte", "x,T,LOYERS,1.0", "HIRE-1,T,LOYERS,1.0");
        assertThat(Files.readString(schedule))
                .contains("\nHIRE-1,2026-10-05,")
                .contains("\nx,2026-10-05,");
        assertThat(Files.readString(roster)).isEqualTo("agent_id,team,skills,fte\nx,T,LOYERS,1\n");
    }

    @Test
    void hireOutNeedsVerifyAndAnotherFileThanTheRoster() throws IOException {
        Run without = schedule("--hire-out", dir.resolve("hired.csv").toString());
        assertThat(without.status()).isEqualTo(2);
        assertThat(without.err()).contains("need --verify");
        Run same = schedule("--verify", "--hire-out", dir.resolve("roster.csv").toString());
        assertThat(same.status()).isEqualTo(2);
        assertThat(same.err()).contains("--hire-out must not be the --roster file");
    }
}
