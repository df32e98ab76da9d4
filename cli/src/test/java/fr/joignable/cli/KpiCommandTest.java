package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KpiCommandTest {

    @TempDir Path dir;

    @Test
    void writesTheTablesAndPrintsTheSummary() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(
                events,
                String.join(
                                "\n",
                                "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:00:00Z\",\"contactId\":\"c1\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\"}",
                                "{\"eventId\":\"e2\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:00:10Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}",
                                "{\"eventId\":\"e2\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:00:10Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}",
                                "{\"eventId\":\"e3\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-10-05T08:00:00Z\",\"agentId\":\"a1\",\"team\":\"A\",\"state\":\"BUSY\"}",
                                "not json",
                                "")
                        + "\n",
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi", "--events", events.toString(), "--out", out.toString(), "--csv");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("events read: 5")
                .contains("rejected: 1")
                .contains("late: 0")
                .contains("orphans: 0")
                .contains("redeliveries dropped: 1");
        assertThat(Files.readAllLines(out.resolve("contact_intervals.csv")))
                .containsExactly(
                        "interval_start,queue,channel,offered,answered,short_abandoned,abandoned,answered_in_sl,service_level,abandon_rate,asa_s,handled,aht_s,identified,duplicates,duplicates_after_abandon,duplicate_rate,diverted,closed",
                        "2026-10-05T08:00:00Z,LOYERS,PHONE,1,1,0,0,1,1,0,10,0,,0,0,0,,0,0");
        assertThat(out.resolve("agent_intervals.csv")).exists();
        assertThat(Files.readString(out.resolve("rejected.jsonl")))
                .contains("\"line\":\"not json\"");
        assertThat(out.resolve("late.jsonl")).exists();
        assertThat(out.resolve("contact_intervals/day=2026-10-05")).isDirectory();
    }

    @Test
    void thePhoneTargetOfJoignableYamlIsTheThresholdTheJobMeasures() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.writeString(
                events,
                "{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:00:00Z\",\"contactId\":\"c1\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\"}\n"
                        + "{\"eventId\":\"e2\",\"type\":\"CONTACT_ANSWERED\",\"ts\":\"2026-10-05T08:00:25Z\",\"contactId\":\"c1\",\"agentId\":\"a1\"}\n",
                StandardCharsets.UTF_8);
        // answered after 25 s: outside the default 20 s, inside the configured 80/30
        assertThat(answeredInSl(events, dir.resolve("default"))).isEqualTo("0");
        Path config =
                Files.writeString(
                        dir.resolve("joignable.yaml"),
                        "channels:\n  PHONE: {service_level: 80/30}\n");
        assertThat(answeredInSl(events, dir.resolve("configured"), "--config", config.toString()))
                .isEqualTo("1");
        Files.writeString(config, "channels:\n  PHONE: {service_level: eighty}\n");
        JoignableCliTest.Run bad =
                JoignableCliTest.run(
                        "kpi",
                        "--events",
                        events.toString(),
                        "--out",
                        dir.resolve("bad").toString(),
                        "--config",
                        config.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("joignable.yaml").contains("channels.PHONE.service_level");
    }

    private static String answeredInSl(Path events, Path out, String... more) throws Exception {
        java.util.List<String> args =
                new java.util.ArrayList<>(
                        java.util.List.of(
                                "kpi",
                                "--events",
                                events.toString(),
                                "--out",
                                out.toString(),
                                "--csv"));
        args.addAll(java.util.List.of(more));
        JoignableCliTest.Run run = JoignableCliTest.run(args.toArray(String[]::new));
        assertThat(run.status()).as(run.err()).isZero();
        java.util.List<String> lines = Files.readAllLines(out.resolve("contact_intervals.csv"));
        int column = java.util.List.of(lines.get(0).split(",")).indexOf("answered_in_sl");
        return lines.get(1).split(",", -1)[column];
    }

    @Test
    void aMissingInputFileIsAOneLineFailureNamingIt() {
        Path missing = dir.resolve("nope.jsonl");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi",
                        "--events",
                        missing.toString(),
                        "--out",
                        dir.resolve("o").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip().lines()).hasSize(1);
        assertThat(run.err()).contains(missing.toString());
    }

    @Test
    void aMissingOutIsAUsageError() {
        JoignableCliTest.Run run = JoignableCliTest.run("kpi", "--events", "x.jsonl");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--out").contains("--help");
    }

    @Test
    void aNegativeDurationIsAUsageError() {
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi", "--events", "x.jsonl", "--out", "o", "--out-of-orderness", "-5s");
        assertThat(run.status()).isEqualTo(2);
    }
}
