package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.privacy.TenantPseudonymizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * calls-csv with the example mappings shipped in {@code docs/mappings/}: a GLPI and a Zammad ticket
 * export, a generic per-call export with durations and the date and time in two columns. Each
 * expected time is converted by hand from the fixture (Paris is UTC+2 in early October 2026).
 */
class CallsCsvTest {

    @TempDir Path dir;

    static Mapping shipped(String name) {
        return Mapping.load(Path.of("..", "docs", "mappings", name));
    }

    List<String> convert(String mapping, String csv, Skips skips, TenantPseudonymizer p)
            throws Exception {
        Path in = dir.resolve("export.csv");
        Files.writeString(in, csv);
        List<String> out = new ArrayList<>();
        Conversion.run(
                InputFormat.CALLS_CSV,
                List.of(in),
                shipped(mapping),
                p,
                skips,
                e -> out.add(line(e)));
        return out;
    }

    /** A short readable form: type contactId ts [extra]. */
    static String line(InteractionEvent e) {
        String s = e.type() + " " + e.key() + " " + e.ts();
        if (e instanceof ContactOffered o) {
            s += " " + o.queue() + " " + o.intent() + " " + o.channel() + " " + o.tenantId();
        }
        return s;
    }

    @Test
    void glpiTickets() throws Exception {
        Skips skips = new Skips();
        List<String> ev =
                convert(
                        "glpi-tickets.yaml",
                        "id;category;requesttype;date;takeintoaccountdate;solvedate;technician;requester\n"
                                + "101;Loyers > Quittance;Helpdesk;2026-10-05 09:12:44;2026-10-05 10:00:00;2026-10-06 11:00:00;tech.martin;T0042\n"
                                + "102;Technique > Fuite;Phone;2026-10-05 09:30:00;;;;T0043\n"
                                + "103;Inconnue;E-Mail;2026-10-05 23:59:00;2026-10-06 08:00:00;;tech.durand;\n"
                                + "104;Loyers > Paiement;Helpdesk;2026-10-07 09:00:00;2026-10-07 08:00:00;;tech.martin;T0044\n"
                                + "105;Loyers > Paiement;Fax;2026-10-07 09:00:00;;;;T0045\n",
                        skips,
                        null);
        assertThat(ev)
                .containsExactly(
                        "CONTACT_OFFERED 101 2026-10-05T07:12:44Z LOYERS RENT_RECEIPT PORTAL T0042",
                        "CONTACT_ANSWERED 101 2026-10-05T08:00:00Z",
                        "CONTACT_ENDED 101 2026-10-06T09:00:00Z",
                        // a phone ticket never taken into account: offered only (unanswered_end:
                        // ignore)
                        "CONTACT_OFFERED 102 2026-10-05T07:30:00Z TECHNIQUE WATER_DAMAGE PHONE T0043",
                        // unknown category: the default intent, the queue named as in the export
                        "CONTACT_OFFERED 103 2026-10-05T21:59:00Z Inconnue OTHER EMAIL null",
                        "CONTACT_ANSWERED 103 2026-10-06T06:00:00Z");
        assertThat(skips.summary().stream().map(l -> l.replace(dir + "/", "")))
                .containsExactly(
                        "1 × answered before it was offered (export.csv:5)",
                        "1 × unknown channel 'Fax' in column 'requesttype' (add it to"
                                + " calls.channel.values) (export.csv:6)");
    }

    @Test
    void zammadTicketsInUtc() throws Exception {
        List<String> ev =
                convert(
                        "zammad-tickets.yaml",
                        "number,group,create_article_type,created_at,first_response_at,close_at,owner,customer_id\n"
                                + "31001,Loyers,email,2026-10-05T07:12:44.000Z,2026-10-05T09:00:00.000Z,2026-10-05T15:00:00.000Z,agent1,c12\n"
                                + "31002,Technique,web,2026-10-05 08:00:00,,,,c13\n",
                        new Skips(),
                        null);
        assertThat(ev)
                .containsExactly(
                        "CONTACT_OFFERED 31001 2026-10-05T07:12:44Z LOYERS RENT_PAYMENT EMAIL c12",
                        "CONTACT_ANSWERED 31001 2026-10-05T09:00:00Z",
                        "CONTACT_ENDED 31001 2026-10-05T15:00:00Z",
                        "CONTACT_OFFERED 31002 2026-10-05T08:00:00Z TECHNIQUE REPAIR PORTAL c13");
    }

    @Test
    void genericCdrWithDurationsAndPseudonymisedCallers() throws Exception {
        Skips skips = new Skips();
        TenantPseudonymizer p =
                TenantPseudonymizer.ofKey(
                        "a key of sixteen bytes or more".getBytes(StandardCharsets.UTF_8));
        List<String> ev =
                convert(
                        "generic-cdr.yaml",
                        "call_id;queue;date;time;wait_s;talk_s;agent;caller\n"
                                + "A1;1;05/10/2026;09:00:00;20;180;Agent/1001;0612345678\n"
                                + "A2;2;05/10/2026;09:01:00;45;0;;0698765432\n"
                                + "A3;9;05/10/2026;09:02:00;00:00:10;00:02:00;Agent/1002;\n"
                                + "A4;1;31/09/2026;09:00:00;1;1;x;\n",
                        skips,
                        p);
        String pseudo = p.pseudonym("0612345678");
        assertThat(ev)
                .containsExactly(
                        "CONTACT_OFFERED A1 2026-10-05T07:00:00Z LOYERS RENT_PAYMENT PHONE "
                                + pseudo,
                        "CONTACT_ANSWERED A1 2026-10-05T07:00:20Z", // + wait 20 s
                        "CONTACT_ENDED A1 2026-10-05T07:03:20Z", // + talk 180 s
                        "CONTACT_OFFERED A2 2026-10-05T07:01:00Z TECHNIQUE REPAIR PHONE "
                                + p.pseudonym("0698765432"),
                        "CONTACT_ABANDONED A2 2026-10-05T07:01:45Z", // no agent: abandoned after 45
                        // s
                        "CONTACT_OFFERED A3 2026-10-05T07:02:00Z ACCUEIL OTHER PHONE null",
                        "CONTACT_ANSWERED A3 2026-10-05T07:02:10Z", // 00:00:10
                        "CONTACT_ENDED A3 2026-10-05T07:04:10Z"); // 00:02:00
        assertThat(ev).noneMatch(s -> s.contains("0612345678"));
        assertThat(skips.total()).isEqualTo(1); // 31/09 does not exist
    }

    @Test
    void aRepeatedRowGivesTheSameIdsAndTheOutputIsGzipWhenAsked() throws Exception {
        String row = "A1;1;05/10/2026;09:00:00;20;180;Agent/1001;0612345678\n";
        Path in = dir.resolve("cdr.csv");
        Files.writeString(in, "call_id;queue;date;time;wait_s;talk_s;agent;caller\n" + row + row);
        Path out = dir.resolve("events.jsonl.gz");
        Conversion.Result r =
                Conversion.toFile(
                        InputFormat.CALLS_CSV,
                        List.of(in),
                        shipped("generic-cdr.yaml"),
                        null,
                        out,
                        new Skips());
        assertThat(r.events()).isEqualTo(6);
        List<String> lines;
        try (var gz = new GZIPInputStream(Files.newInputStream(out))) {
            lines = new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(3, 6)).isEqualTo(lines.subList(0, 3));
        assertThat(lines).allMatch(l -> EventCodec.instance().decode(l).isAccepted());
        assertThat(Files.list(dir)).noneMatch(f -> f.getFileName().toString().startsWith("."));
    }

    @Test
    void mappingErrorsNameTheFileAndKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "queues:\n  loyers: {chanel: PHONE}\n");
        assertThatThrownBy(() -> Mapping.load(bad))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.yaml: queues.loyers.chanel: unknown key");
        Files.writeString(bad, "default: {channel: FAX}\n");
        assertThatThrownBy(() -> Mapping.load(bad))
                .hasMessageContaining("default.channel: unknown channel 'FAX'");
        Files.writeString(bad, "time_zone: Mars/Olympus\n");
        assertThatThrownBy(() -> Mapping.load(bad)).hasMessageContaining("unknown time zone");
        Mapping d = Mapping.defaults();
        assertThat(d.queue("xyz").channel()).isEqualTo(Channel.PHONE);
        assertThat(d.queue("xyz").team()).isEqualTo("xyz");
        assertThat(d.queue("xyz").intent()).isEqualTo("OTHER");
    }
}
