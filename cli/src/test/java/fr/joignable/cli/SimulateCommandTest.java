package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateCommandTest {

    @TempDir Path dir;

    private Path forecast() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("interval_start,queue,channel,offered,aht_s,p90");
        for (int i = 0; i < 8; i++) {
            String t =
                    java.time.Instant.parse("2026-10-05T07:00:00Z")
                            .plusSeconds(900L * i)
                            .toString();
            lines.add(t + ",\"Loyers, charges\",PHONE,30,240,36");
            lines.add(t + ",TECHNIQUE,PHONE,10,300,13");
            lines.add(t + ",TECHNIQUE,EMAIL,4,400,5");
        }
        Path f = dir.resolve("fc.csv");
        Files.write(f, lines);
        return f;
    }

    private Path roster() throws Exception {
        Path f = dir.resolve("roster.csv");
        Files.writeString(
                f,
                "agent_id,team,skills,fte\nA1,N,\"Loyers, charges\",1\nA2,N,\"Loyers, charges;TECHNIQUE\",1\n"
                        + "A3,S,TECHNIQUE,0.8\n");
        return f;
    }

    @Test
    void staffByPoolsThenSimulateThePlan() throws Exception {
        Path fc = forecast();
        Path roster = roster();
        Path staffing = dir.resolve("staffing.csv");
        Path pools = dir.resolve("pools.csv");
        JoignableCliTest.Run r =
                JoignableCliTest.run(
                        "staff",
                        "--forecast",
                        fc.toString(),
                        "--roster",
                        roster.toString(),
                        "--offered-column",
                        "p90",
                        "--pools",
                        pools.toString(),
                        "--out",
                        staffing.toString(),
                        "--check-seeds",
                        "3");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("1 pool(s)").contains("checked by simulation");
        List<String> plan = Files.readAllLines(staffing);
        assertThat(plan.get(0))
                .isEqualTo(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,occupancy,asa_s");
        assertThat(plan.get(1))
                .startsWith("2026-10-05T07:00:00Z,\"Loyers, charges\",PHONE,36,240,");
        assertThat(Files.readAllLines(pools).get(1)).contains("POOL_1");

        Path out = dir.resolve("sim.csv");
        r =
                JoignableCliTest.run(
                        "simulate",
                        "--forecast",
                        fc.toString(),
                        "--roster",
                        roster.toString(),
                        "--staffing",
                        staffing.toString(),
                        "--out",
                        out.toString(),
                        "--offered-column",
                        "p90",
                        "--seeds",
                        "3");
        assertThat(r.status()).as(r.err()).isZero();
        List<String> sim = Files.readAllLines(out);
        assertThat(sim.get(0))
                .startsWith(
                        "interval_start,queue,channel,offered,service_level,abandon_rate,asa_s,occupancy");
        // live rows only: 8 intervals x 2 live queues
        assertThat(sim).hasSize(1 + 16);
    }

    @Test
    void aScheduleNamingAnUnknownAgentIsRejected() throws Exception {
        Path schedule = dir.resolve("schedule.csv");
        Files.writeString(schedule, "agent_id,date,start,end,breaks\nZ9,2026-10-05,09:00,12:00,\n");
        JoignableCliTest.Run r =
                JoignableCliTest.run(
                        "simulate",
                        "--forecast",
                        forecast().toString(),
                        "--roster",
                        roster().toString(),
                        "--staffing",
                        schedule.toString(),
                        "--out",
                        dir.resolve("o.csv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("schedule.csv line 2").contains("Z9");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
        r =
                JoignableCliTest.run(
                        "simulate",
                        "--forecast",
                        forecast().toString(),
                        "--roster",
                        roster().toString(),
                        "--staffing",
                        schedule.toString(),
                        "--seeds",
                        "0",
                        "--out",
                        dir.resolve("o.csv").toString());
        assertThat(r.status()).isEqualTo(2);
    }
}
