package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code convert} and {@code kpi --from} end to end on a small queue_log whose KPIs are counted by
 * hand: 5 contacts offered in the 08:00Z interval of queue loyers (c1 answered after 10 s, c2
 * abandoned after 30 s, c3 after 2 s — a short abandon —, c4 still waiting, c5 refused because the
 * centre is closed: offered too, at the same time).
 */
class ConvertCommandTest {

    @TempDir Path dir;

    static final List<String> LOG =
            List.of(
                    "1759651140|NONE|loyers|Agent/1|ADDMEMBER|",
                    "1759651200|c1|loyers|NONE|ENTERQUEUE||0612345678|1",
                    "1759651210|c1|loyers|Agent/1|CONNECT|10|1759651205.9|2",
                    "1759651300|c1|loyers|Agent/1|COMPLETECALLER|10|90|1",
                    "1759651260|c2|loyers|NONE|ENTERQUEUE||0698765432|1",
                    "1759651290|c2|loyers|NONE|ABANDON|1|1|30",
                    "1759651320|c3|loyers|NONE|ENTERQUEUE||0611111111|2",
                    "1759651322|c3|loyers|NONE|ABANDON|1|2|2",
                    "1759651322|c3|loyers|NONE|ABANDON|1|2|2",
                    "1759651400|c4|loyers|NONE|ENTERQUEUE||0622222222|1",
                    "1759651450|NONE|NONE|NONE|CONFIGRELOAD|",
                    "1759651500|c5|loyers|NONE|CLOSED|");

    Path log() throws Exception {
        Path p = dir.resolve("queue_log");
        Files.write(p, LOG);
        return p;
    }

    @Test
    void convertPrintsWhatItReadWroteAndSkippedAndIsStable() throws Exception {
        Path log = log();
        Path a = dir.resolve("a.jsonl.gz");
        Path b = dir.resolve("b.jsonl.gz");
        Path skipped = dir.resolve("skipped.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--out",
                        a.toString(),
                        "--skipped",
                        skipped.toString(),
                        log.toString());
        assertThat(run.status()).as(run.err()).isZero();
        // offers 5, answered 1, ended 1, abandoned 2, diverted 1, agent READY/BUSY/READY 3
        assertThat(run.out())
                .contains("lines read: 12")
                .contains("events written: 13")
                .contains("lines skipped: 2")
                .contains("line repeated verbatim (counted once) (" + log + ":9)")
                .contains("CONFIGRELOAD: a system line (" + log + ":11)");
        assertThat(Files.readAllLines(skipped))
                .containsExactly(
                        "file,line,reason",
                        log + ",9,line repeated verbatim (counted once)",
                        log + ",11,CONFIGRELOAD: a system line");
        assertThat(
                        JoignableCliTest.run(
                                        "convert",
                                        "--from",
                                        "asterisk-queue-log",
                                        "--out",
                                        b.toString(),
                                        log.toString())
                                .status())
                .isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));
    }

    @Test
    void withoutMappingTheMappingSectionOfJoignableYamlApplies() throws Exception {
        Path log = log();
        Path config =
                Files.writeString(
                        dir.resolve("joignable.yaml"),
                        "channels:\n  PHONE: {service_level: 80/20}\n"
                                + "mapping:\n  queues:\n"
                                + "    loyers: {name: LOYERS, intent: RENT_PAYMENT, team: LOYERS}\n");
        Path out = dir.resolve("mapped.jsonl");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--config",
                        config.toString(),
                        "--out",
                        out.toString(),
                        log.toString());
        assertThat(run.status()).as(run.err()).isZero();
        String events = Files.readString(out);
        assertThat(events).contains("\"queue\":\"LOYERS\"").contains("RENT_PAYMENT");
        assertThat(events).doesNotContain("\"queue\":\"loyers\"");

        Files.writeString(config, "mapping:\n  queues:\n    loyers: {channel: FAX}\n");
        JoignableCliTest.Run bad =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--config",
                        config.toString(),
                        "--out",
                        dir.resolve("bad.jsonl").toString(),
                        log.toString());
        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("joignable.yaml: mapping");
        assertThat(dir.resolve("bad.jsonl")).doesNotExist();
    }

    @Test
    void kpiFromReadsTheLogDirectlyAndTwoConversionsCountOnce() throws Exception {
        Path log = log();
        Path out = dir.resolve("out");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi",
                        "--from",
                        "asterisk-queue-log",
                        "--events",
                        log.toString(),
                        "--out",
                        out.toString(),
                        "--csv");
        assertThat(run.status()).as(run.err()).isZero();
        String header = Files.readAllLines(out.resolve("contact_intervals.csv")).get(0);
        List<String> cols = List.of(header.split(","));
        String row = Files.readAllLines(out.resolve("contact_intervals.csv")).get(1);
        List<String> v = List.of(row.split(",", -1));
        assertThat(v.get(cols.indexOf("interval_start"))).isEqualTo("2025-10-05T08:00:00Z");
        assertThat(v.get(cols.indexOf("queue"))).isEqualTo("loyers");
        assertThat(v.get(cols.indexOf("offered"))).isEqualTo("5");
        assertThat(v.get(cols.indexOf("answered"))).isEqualTo("1");
        assertThat(v.get(cols.indexOf("short_abandoned"))).isEqualTo("1");
        assertThat(v.get(cols.indexOf("abandoned"))).isEqualTo("1");
        assertThat(v.get(cols.indexOf("asa_s"))).isEqualTo("10");
        assertThat(Files.list(out))
                .noneMatch(p -> p.getFileName().toString().startsWith(".kpi-from"));

        // the same file converted twice and fed together: the same table
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl");
        JoignableCliTest.run(
                "convert", "--from", "asterisk-queue-log", "--out", a.toString(), log.toString());
        JoignableCliTest.run(
                "convert", "--from", "asterisk-queue-log", "--out", b.toString(), log.toString());
        Path out2 = dir.resolve("out2");
        JoignableCliTest.Run twice =
                JoignableCliTest.run(
                        "kpi",
                        "--events",
                        a.toString(),
                        b.toString(),
                        "--out",
                        out2.toString(),
                        "--csv");
        assertThat(twice.status()).as(twice.err()).isZero();
        // every event of b repeats one of a (13 in all; until bounded runs ignore line order, the
        // agent states written after the contacts may be counted late rather than redelivered)
        assertThat(twice.out()).contains("events read: 26");
        assertThat(Files.readAllLines(out2.resolve("contact_intervals.csv")))
                .isEqualTo(Files.readAllLines(out.resolve("contact_intervals.csv")));
    }

    @Test
    void pseudonymisedCallerIdsNeverAppearInClear() throws Exception {
        Path mapping = dir.resolve("m.yaml");
        Files.writeString(mapping, "caller_id_as_tenant: true\n");
        Path key = dir.resolve("key");
        Files.writeString(key, "a key of sixteen bytes or more\n");
        Path out = dir.resolve("e.jsonl");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--mapping",
                        mapping.toString(),
                        "--tenant-key-file",
                        key.toString(),
                        "--out",
                        out.toString(),
                        log().toString());
        assertThat(run.status()).as(run.err()).isZero();
        String text = Files.readString(out);
        assertThat(text).contains("\"tenantId\":\"p:").doesNotContain("0612345678");
    }

    @Test
    void badUsageAndBadInputs() throws Exception {
        JoignableCliTest.Run unknown =
                JoignableCliTest.run("convert", "--from", "cisco", "--out", "x.jsonl", "in");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("unknown format 'cisco'");
        JoignableCliTest.Run missing =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--out",
                        dir.resolve("x.jsonl").toString(),
                        dir.resolve("nope").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("input file not found").contains("nope");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "queues: {loyers: {channel: FAX}}\n");
        JoignableCliTest.Run badMapping =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "asterisk-queue-log",
                        "--mapping",
                        bad.toString(),
                        "--out",
                        dir.resolve("x.jsonl").toString(),
                        log().toString());
        assertThat(badMapping.status()).isEqualTo(1);
        assertThat(badMapping.err()).contains("queues.loyers.channel: unknown channel 'FAX'");
        JoignableCliTest.Run callsWithoutLayout =
                JoignableCliTest.run(
                        "convert",
                        "--from",
                        "calls-csv",
                        "--out",
                        dir.resolve("x.jsonl").toString(),
                        log().toString());
        assertThat(callsWithoutLayout.status()).isEqualTo(1);
        assertThat(callsWithoutLayout.err()).contains("'calls:' section");
    }
}
