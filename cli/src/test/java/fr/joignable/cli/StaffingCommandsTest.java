package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffingCommandsTest {

    /** Tolerance on values checked against the oracle of ErlangModelsTest (printed doubles). */
    private static final double TOL = 1e-9;

    @TempDir Path dir;

    static JoignableCliTest.Run run(String... args) {
        return JoignableCliTest.run(args);
    }

    static JsonNode json(JoignableCliTest.Run run) throws Exception {
        assertThat(run.status()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void erlangFindsTheTextbookStaffing() throws Exception {
        // 100 calls / 30 min, AHT 180 s -> A = 10; 80/20 needs 14 agents (oracle: SL
        // 0.888350019179467,
        // Pw 0.1741319335950498, ASA 7.835937011777243 s); shrinkage 0.3 -> ceil(14/0.7) = 20
        JsonNode j =
                json(
                        run(
                                "erlang",
                                "--volume",
                                "100",
                                "--interval",
                                "30m",
                                "--aht",
                                "180s",
                                "--sl",
                                "80/20",
                                "--shrinkage",
                                "0.30",
                                "--json"));
        assertThat(j.get("agents").isInt()).isTrue();
        assertThat(j.get("agents").asInt()).isEqualTo(14);
        assertThat(j.get("traffic_erlangs").asDouble()).isCloseTo(10.0, within(TOL));
        assertThat(j.get("prob_wait").asDouble()).isCloseTo(0.1741319335950498, within(TOL));
        assertThat(j.get("service_level").asDouble()).isCloseTo(0.888350019179467, within(TOL));
        assertThat(j.get("asa_s").asDouble()).isCloseTo(7.835937011777243, within(1e-8));
        assertThat(j.get("occupancy").asDouble()).isCloseTo(10.0 / 14, within(TOL));
        assertThat(j.get("scheduled_agents").asInt()).isEqualTo(20);
        assertThat(j.has("prob_abandon")).isFalse();
    }

    @Test
    void erlangEvaluatesGivenAgentsWithErlangA() throws Exception {
        // A = 10, AHT 180 s, patience 120 s, 14 agents, 80/20 (oracle: Pw 0.126976340080,
        // SL 0.932729580698, ASA 2.740714383818, Pab 0.022839286532, occ 0.697971938192)
        JsonNode j =
                json(
                        run(
                                "erlang",
                                "--volume",
                                "100",
                                "--interval",
                                "30m",
                                "--aht",
                                "3m",
                                "--agents",
                                "14",
                                "--patience",
                                "120s",
                                "--json"));
        assertThat(j.get("agents").asInt()).isEqualTo(14);
        assertThat(j.get("prob_wait").asDouble()).isCloseTo(0.126976340080, within(1e-8));
        assertThat(j.get("service_level").asDouble()).isCloseTo(0.932729580698, within(1e-8));
        assertThat(j.get("asa_s").asDouble()).isCloseTo(2.740714383818, within(1e-6));
        assertThat(j.get("prob_abandon").asDouble()).isCloseTo(0.022839286532, within(1e-8));
        assertThat(j.get("occupancy").asDouble()).isCloseTo(0.697971938192, within(1e-8));
    }

    @Test
    void erlangSaysPlainlyWhenTheQueueIsUnstable() throws Exception {
        JsonNode j =
                json(
                        run(
                                "erlang",
                                "--volume",
                                "100",
                                "--interval",
                                "30m",
                                "--aht",
                                "180",
                                "--agents",
                                "9",
                                "--json"));
        assertThat(j.get("prob_wait").asDouble()).isEqualTo(1.0);
        assertThat(j.get("service_level").asDouble()).isEqualTo(0.0);
        assertThat(j.get("asa_s").isNull()).isTrue();
        assertThat(j.get("stable").asBoolean()).isFalse();
        JoignableCliTest.Run text =
                run(
                        "erlang",
                        "--volume",
                        "100",
                        "--interval",
                        "30m",
                        "--aht",
                        "180",
                        "--agents",
                        "9");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains("UNSTABLE").contains("unbounded");
    }

    @Test
    void erlangTextIsATable() {
        JoignableCliTest.Run r =
                run(
                        "erlang",
                        "--volume",
                        "120",
                        "--interval",
                        "30m",
                        "--aht",
                        "240s",
                        "--sl",
                        "80/19.8",
                        "--max-occupancy",
                        "0.85",
                        "--asa",
                        "30s");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains("agents")
                .contains("service level 80/19.8")
                .contains("target met");
    }

    @Test
    void outOfRangeValuesAreUsageErrorsNamingTheOption() {
        String[][] cases = {
            {"--volume", "-5", "--aht", "180", "--sl", "80/20"},
            {"--volume", "10", "--aht", "180", "--sl", "120/20"},
            {"--volume", "10", "--aht", "180", "--sl", "80/20", "--shrinkage", "1"},
            {"--volume", "10", "--aht", "180", "--sl", "80/20", "--max-occupancy", "1.5"},
            {"--volume", "10", "--aht", "0", "--sl", "80/20"},
            {"--volume", "10", "--aht", "180", "--sl", "80"},
            {"--volume", "10", "--aht", "180", "--agents", "0"},
        };
        String[] names = {
            "--volume", "--sl", "--shrinkage", "--max-occupancy", "--aht", "--sl", "--agents"
        };
        for (int i = 0; i < cases.length; i++) {
            String[] args = new String[cases[i].length + 1];
            args[0] = "erlang";
            System.arraycopy(cases[i], 0, args, 1, cases[i].length);
            JoignableCliTest.Run r = run(args);
            assertThat(r.status()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err().lines().findFirst().orElse("")).contains(names[i]);
        }
    }

    @Test
    void staffWritesAPlanFromAForecast() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        // Monday 2026-10-05, Paris = UTC+2: 06:30Z = 08:30 local (open), 05:00Z closed
        Files.writeString(
                forecast,
                String.join(
                        "\n",
                        "interval_start,queue,channel,offered,aht_s",
                        "2026-10-05T06:30:00Z,locataires,PHONE,50,180",
                        "2026-10-05T06:30:00Z,locataires,CHAT,0,",
                        "2026-10-05T05:00:00Z,locataires,EMAIL,10,540",
                        "2026-10-05T06:30:00Z,locataires,EMAIL,0,540",
                        "2026-10-05T06:45:00Z,locataires,EMAIL,0,540",
                        ""));
        Path out = dir.resolve("staffing.csv");
        Path targets = dir.resolve("targets.yaml");
        // Erlang C and 30 % absence, as a hand calculation of the textbook case
        Files.writeString(targets, "channels:\n  PHONE: {patience: none, absence: 0.3}\n");
        JoignableCliTest.Run r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--targets",
                        targets.toString(),
                        "--out",
                        out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0))
                .isEqualTo(
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,occupancy,asa_s");
        // 50 calls / 15 min x 180 s = A 10, defaults 80/20 and occupancy 0.85: 14 agents
        // (13 give SL 0.7956), occupancy 10/14 = 0.714286; scheduled ceil(14/0.7) = 20
        assertThat(lines.get(1))
                .startsWith("2026-10-05T06:30:00Z,locataires,PHONE,50,180,14,20,0.88835,0.714286,");
        assertThat(lines.get(2)).isEqualTo("2026-10-05T06:30:00Z,locataires,CHAT,0,,0,0,,,");
        // 10 emails x 540 s = 5400 s of work arriving 07:00 local (closed), received at 08:30;
        // at 08:30 the 14 phone agents are the pool's peak, so the work (5400 / 0.85 = 6352.9
        // agent-seconds) goes to 08:45, when no call is forecast: 7.0588 agents at occupancy
        // 0.85, scheduled ceil(7.0588 / 0.7) = 11. It is answered within its target (service
        // level 1), 7 intervals after arrival: 6300 s.
        assertThat(lines.get(3))
                .isEqualTo("2026-10-05T05:00:00Z,locataires,EMAIL,10,540,0,0,1,,6300");
        assertThat(lines.get(4)).isEqualTo("2026-10-05T06:30:00Z,locataires,EMAIL,0,540,0,0,,,");
        assertThat(lines.get(5))
                .isEqualTo("2026-10-05T06:45:00Z,locataires,EMAIL,0,540,7.0588,11,,0.85,");
    }

    @Test
    void staffPlansForThePhoneTargetOfJoignableYaml() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        Files.writeString(
                forecast,
                "interval_start,queue,channel,offered,aht_s\n"
                        + "2026-10-05T06:30:00Z,locataires,PHONE,50,180\n");
        // A = 10 erlangs, Erlang C: 80/20 needs 14 agents (SL 0.888; 13 give 0.796), 80/60 needs
        // 13 (SL 0.895; 12 give 0.769) — hand-computed with the Erlang C formula
        Path config = dir.resolve("joignable.yaml");
        Files.writeString(config, "channels:\n  PHONE: {patience: none}\n");
        assertThat(phoneAgents(forecast, config)).isEqualTo("14");
        Files.writeString(config, "channels:\n  PHONE: {service_level: 80/60, patience: none}\n");
        assertThat(phoneAgents(forecast, config)).isEqualTo("13");
    }

    private String phoneAgents(Path forecast, Path config) throws Exception {
        Path out = dir.resolve("staffing-" + System.nanoTime() + ".csv");
        JoignableCliTest.Run r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--config",
                        config.toString(),
                        "--out",
                        out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        return lines.get(1).split(",", -1)[5];
    }

    @Test
    void theDocumentedExampleTargetsAreValid() throws Exception {
        Path example = Path.of("..", "docs", "targets-example.yaml");
        Path forecast = dir.resolve("forecast.csv");
        Files.writeString(
                forecast,
                "interval_start,queue,channel,offered,aht_s\n"
                        + "2026-10-05T06:30:00Z,urgences-techniques,PHONE,50,180\n");
        JoignableCliTest.Run r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--targets",
                        example.toString(),
                        "--out",
                        dir.resolve("s.csv").toString());
        assertThat(r.status()).as(r.err()).isZero();
    }

    @Test
    void staffRejectsABadForecastNamingLineAndField() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        Files.writeString(
                forecast,
                "interval_start,queue,channel,offered,aht_s\n2026-10-05T06:30:00Z,q,PHONE,abc,180\n");
        JoignableCliTest.Run r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--out",
                        dir.resolve("o.csv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("forecast.csv line 2").contains("offered");
        assertThat(Files.exists(dir.resolve("o.csv"))).isFalse();
        Files.writeString(forecast, "when,queue,channel,offered,aht_s\n");
        r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--out",
                        dir.resolve("o.csv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("line 1").contains("header");
    }

    @Test
    void staffReadsTargetsAndRejectsUnknownKeys() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        Files.writeString(
                forecast,
                "interval_start,queue,channel,offered,aht_s\n"
                        + "2026-10-05T06:30:00Z,urgences,PHONE,50,180\n"
                        + "2026-10-05T06:30:00Z,locataires,PHONE,50,180\n");
        Path targets = dir.resolve("targets.yaml");
        Files.writeString(
                targets,
                "channels:\n  PHONE: {service_level: 80/20, shrinkage: 0, patience: none}\n"
                        + "queues:\n  urgences:\n    PHONE: {service_level: 95/20}\n");
        Path out = dir.resolve("staffing.csv");
        JoignableCliTest.Run r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--targets",
                        targets.toString(),
                        "--out",
                        out.toString());
        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        // 95/20 needs more than 14; shrinkage 0 -> scheduled = agents
        assertThat(lines.get(1))
                .matches("2026-10-05T06:30:00Z,urgences,PHONE,50,180,1[5-9],1[5-9],.*");
        assertThat(lines.get(2)).startsWith("2026-10-05T06:30:00Z,locataires,PHONE,50,180,14,14,");

        Files.writeString(targets, "channels:\n  PHONE: {servicelevel: 80/20}\n");
        r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--targets",
                        targets.toString(),
                        "--out",
                        out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err())
                .contains("targets.yaml")
                .contains("channels.PHONE.servicelevel")
                .contains("unknown key");
        Files.writeString(targets, "channels:\n  EMAIL: {max_occupancy: 2}\n");
        r =
                run(
                        "staff",
                        "--forecast",
                        forecast.toString(),
                        "--targets",
                        targets.toString(),
                        "--out",
                        out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("channels.EMAIL.max_occupancy");
    }
}
