package fr.joignable.cli;

import static fr.joignable.cli.JoignableCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.cli.JoignableCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingGapsCommandTest {

    static final String ROSTER_HEADER = "agent_id,team,skills,fte\n";

    static final String STAFFING =
            "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,"
                    + "occupancy,asa_s\n"
                    // 06:00: LOYERS 2 (phone + email) and TECHNIQUE 1 at once
                    + "2026-10-05T06:00:00Z,LOYERS,PHONE,8,240,1,1,0.81,0.53,9.5\n"
                    + "2026-10-05T06:00:00Z,LOYERS,EMAIL,5,300,1,1,,,\n"
                    + "2026-10-05T06:00:00Z,TECHNIQUE,PHONE,6,300,1,1,0.8,0.5,10\n"
                    + "2026-10-05T06:00:00Z,ACCUEIL,PHONE,0,240,0,0,,,\n"
                    // 06:15: only ACCUEIL
                    + "2026-10-05T06:15:00Z,ACCUEIL,PHONE,6,240,1,1,0.8,0.4,8\n"
                    // 06:30: LOYERS 4, more than the roster's 3 FTE
                    + "2026-10-05T06:30:00Z,LOYERS,PHONE,40,240,4,4,0.8,0.8,20\n";

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private Run trainingGaps(Path roster, Path staffing) {
        return run(
                "training-gaps",
                "--roster",
                roster.toString(),
                "--staffing",
                staffing.toString(),
                "--out",
                dir.resolve("gaps.csv").toString(),
                "--plan",
                dir.resolve("plan.csv").toString());
    }

    @Test
    void writesTheGapsThePlanAndASummary() throws IOException {
        Path roster =
                write(
                        "roster.csv",
                        ROSTER_HEADER
                                + "x,T1,LOYERS;TECHNIQUE,1\n"
                                + "y,T1,LOYERS,1\n"
                                + "z,T2,ACCUEIL;VENTES,1\n");
        Path staffing = write("staffing.csv", STAFFING);

        Run run = trainingGaps(roster, staffing);

        assertThat(run.status()).as(run.err()).isZero();
        // 06:00: x cannot be in LOYERS and TECHNIQUE at once: 1 agent missing, split 2/3 : 1/3
        // (both queues covered at 2/3); 06:30: LOYERS 4 for x and y: 2 missing, 1 of them beyond
        // the roster's 3 FTE.
        assertThat(Files.readString(dir.resolve("gaps.csv")))
                .isEqualTo(
                        "queue,peak_scheduled_agents,trained_fte,uncovered_agent_hours,"
                                + "worst_interval_uncovered\n"
                                + "ACCUEIL,1,1,0,0\n"
                                + "LOYERS,4,2,0.666667,2\n"
                                + "TECHNIQUE,1,1,0.083333,0.333333\n");
        assertThat(Files.readString(dir.resolve("plan.csv")))
                .isEqualTo("agent_id,team,train_in\nz,T2,LOYERS\n");
        assertThat(run.out())
                .contains("3 intervals, 3 queues, 3 agents (3 FTE)")
                .contains("0.75 agent-hours uncovered; worst interval 2026-10-05T06:30:00Z, 2")
                .contains("Training can fix: 0.5 agent-hours, with 1 training (optimal")
                .contains("  train z (T2) in LOYERS")
                .contains("Under the plan, beyond training: 0.25 agent-hours")
                .contains("The plan carries margin: this is not by itself a hiring need")
                .doesNotContain("Needs hiring")
                .contains("Verified: with the plan trained, a max-flow re-check leaves 0.25")
                .contains("all of it under the plan beyond training");
        assertThat(run.err())
                .isEqualTo(
                        "joignable: warning: "
                                + roster
                                + " line 4: skill 'VENTES' is no queue of the staffing plan"
                                + " (ignored)\n");
    }

    @Test
    void theShortfallUnderThePlanIsPrintedBesideTheSimulatedServiceLevel() {
        var ok =
                new fr.joignable.forecasting.training.SimulatedTraining.QueueLevel(
                        "LOYERS", fr.joignable.domain.event.Channel.PHONE, 0.912, 80, 0.96);
        var weak =
                new fr.joignable.forecasting.training.SimulatedTraining.QueueLevel(
                        "GESTION_LOCATIVE",
                        fr.joignable.domain.event.Channel.PHONE,
                        0.848,
                        80,
                        0.88);
        String met =
                fr.joignable.cli.run.TrainingGapsRun.simulatedBeside(
                        new fr.joignable.forecasting.training.SimulatedTraining.Outcome(
                                3,
                                java.util.List.of(ok),
                                java.util.List.of(),
                                java.util.List.of(),
                                java.util.List.of(ok)));
        assertThat(met)
                .isEqualTo(
                        "The plan carries margin; simulated (3 seeds), the agents present give"
                                + " LOYERS PHONE 91.2 % (target 80 %), 96 % of its hour-of-week"
                                + " slots at or above target - 3 points, the worst queue: every"
                                + " queue meets the criterion, no hiring indicated.");
        String short_ =
                fr.joignable.cli.run.TrainingGapsRun.simulatedBeside(
                        new fr.joignable.forecasting.training.SimulatedTraining.Outcome(
                                3,
                                java.util.List.of(ok, weak),
                                java.util.List.of(),
                                java.util.List.of(),
                                java.util.List.of(ok, weak)));
        assertThat(short_)
                .contains("GESTION_LOCATIVE PHONE 84.8 % (target 80 %), 88 % of its")
                .contains("under the criterion GESTION_LOCATIVE PHONE (more agents present");
        assertThat(fr.joignable.cli.run.TrainingGapsRun.simulatedBeside(null))
                .contains("not by itself a hiring need");
    }

    @Test
    void aCoveredPlanGivesAnEmptyPlan() throws IOException {
        Path roster =
                write(
                        "roster.csv",
                        ROSTER_HEADER
                                + "x,T1,LOYERS;TECHNIQUE,1\n"
                                + "y,T1,LOYERS,1\n"
                                + "z,T2,ACCUEIL;LOYERS,1\n"
                                + "w,T2,LOYERS,1\n");

        Run run = trainingGaps(roster, write("staffing.csv", STAFFING));

        assertThat(run.status()).isZero();
        assertThat(Files.readString(dir.resolve("plan.csv"))).isEqualTo("agent_id,team,train_in\n");
        assertThat(run.out())
                .contains("the roster covers every interval")
                .contains("with 0 trainings")
                .contains("Under the plan, beyond training: none");
    }

    @Test
    void inputErrorsExitWithStatus1AndOneLineAndNoOutput() throws IOException {
        Path staffing = write("staffing.csv", STAFFING);
        String[][] cases = {
            {"x,T1,LOYERS,1\ny,T1,LOYERS,1\nx,T2,ACCUEIL,1\n", "line 4: duplicate agent_id 'x'"},
            {"x,T1,LOYERS,0\n", "line 2: fte 0 of agent 'x' outside (0, 1]"},
            {"x,T1,LOYERS,1.5\n", "line 2: fte 1.5 of agent 'x' outside (0, 1]"},
            {"x,T1,LOYERS,1,extra\n", "line 2: 5 fields, expected 4"},
        };
        for (String[] c : cases) {
            Run run = trainingGaps(write("roster.csv", ROSTER_HEADER + c[0]), staffing);
            assertThat(run.status()).as(c[1]).isEqualTo(1);
            assertThat(run.err()).contains("roster.csv " + c[1]);
            assertThat(run.err().lines().count()).isEqualTo(1);
            assertThat(dir.resolve("gaps.csv")).doesNotExist();
            assertThat(dir.resolve("plan.csv")).doesNotExist();
        }

        Run header = trainingGaps(write("roster.csv", "id,team,skills,fte\nx,T1,A,1\n"), staffing);
        assertThat(header.status()).isEqualTo(1);
        assertThat(header.err()).contains("roster.csv line 1: no column agent_id");

        Run staffingHeader =
                trainingGaps(
                        write("roster.csv", ROSTER_HEADER + "x,T1,LOYERS,1\n"),
                        write("bad-staffing.csv", "interval_start,queue,scheduled_agents\n"));
        assertThat(staffingHeader.status()).isEqualTo(1);
        assertThat(staffingHeader.err()).contains("bad-staffing.csv line 1: wrong header");

        Run missing = trainingGaps(dir.resolve("nowhere.csv"), staffing);
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nowhere.csv: file not found");
    }

    @Test
    void aMissingOptionIsAUsageError() {
        Run run = run("training-gaps", "--roster", "r.csv");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required options").contains("--help");
    }

    @Test
    void withAScheduleTheSimulationNamesTheQueueShortOfTrainedAgentsAndPlansItsTrainings()
            throws IOException {
        // a: 40 calls a quarter-hour (10.7 erlangs), 15 agents; b: 8 calls (2.1 erlangs), 1 agent
        StringBuilder staffing =
                new StringBuilder(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,"
                                + "service_level,occupancy,asa_s\n");
        StringBuilder schedule = new StringBuilder("agent_id,date,start,end,breaks\n");
        StringBuilder roster = new StringBuilder(ROSTER_HEADER);
        java.time.Instant monday = java.time.Instant.parse("2026-10-05T07:00:00Z");
        for (int week = 0; week < 2; week++) {
            for (int i = 0; i < 16; i++) {
                java.time.Instant t = monday.plusSeconds(7L * 86_400 * week + 900L * i);
                staffing.append(t).append(",a,PHONE,40,240,13,14,0.8,0.8,10\n");
                staffing.append(t).append(",b,PHONE,8,240,3,3,0.8,0.7,10\n");
            }
        }
        for (int k = 1; k <= 16; k++) {
            String id = k <= 15 ? String.format("A%02d", k) : "B01";
            roster.append(id).append(",T,").append(k <= 15 ? "a" : "b").append(",1\n");
            for (String date : java.util.List.of("2026-10-05", "2026-10-12")) {
                schedule.append(id).append(',').append(date).append(",09:00,13:00,\n");
            }
        }
        Run run =
                run(
                        "training-gaps",
                        "--roster",
                        write("roster.csv", roster.toString()).toString(),
                        "--staffing",
                        write("staffing.csv", staffing.toString()).toString(),
                        "--schedule",
                        write("schedule.csv", schedule.toString()).toString(),
                        "--out",
                        dir.resolve("gaps.csv").toString(),
                        "--plan",
                        dir.resolve("plan.csv").toString());

        assertThat(run.err()).doesNotContain("Exception");
        assertThat(run.out())
                .contains("b PHONE", "<- short of trained agents", "Short of trained agents")
                .contains("b: simulated service level");
        java.util.List<String> plan = Files.readAllLines(dir.resolve("plan.csv"));
        assertThat(plan.get(0)).isEqualTo("agent_id,team,train_in");
        assertThat(plan.subList(1, plan.size()))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).matches("A\\d\\d,T,b"));
    }
}
