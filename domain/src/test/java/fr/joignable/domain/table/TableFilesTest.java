package fr.joignable.domain.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each table file read back as written, and the common rules of {@link Csv}. */
class TableFilesTest {

    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void csvIgnoresTheByteOrderMarkAndBlankLinesAndCountsPhysicalLines() throws IOException {
        Path p = file("a.csv", "\uFEFFa,b\r\n1,\"two\nlines\"\r\n\r\n3,4\r\n");
        Csv.Table t = Csv.read(p);
        assertThat(t.header()).containsExactly("a", "b");
        assertThat(t.rows()).hasSize(2);
        assertThat(t.rows().get(0).get("b")).isEqualTo("two\nlines");
        assertThat(t.rows().get(0).line()).isEqualTo(2);
        // the record spans lines 2-3, line 4 is blank: the next record starts on line 5
        assertThat(t.rows().get(1).line()).isEqualTo(5);
        assertThat(Csv.header(p)).containsExactly("a", "b");
    }

    @Test
    void csvErrorsNameTheFileAndLine() throws IOException {
        assertThatThrownBy(() -> Csv.read(file("w.csv", "a,b\n1,2\n3\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("w.csv line 3: 1 fields, expected 2 (a,b)");
        Path latin1 = dir.resolve("l.csv");
        Files.write(latin1, new byte[] {'a', '\n', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> Csv.read(latin1)).hasMessageContaining("not valid UTF-8");
        assertThatThrownBy(() -> Csv.read(dir.resolve("none.csv")))
                .hasMessageEndingWith("none.csv: file not found");
        assertThatThrownBy(() -> Csv.read(file("q.csv", "a\n\"open\n")))
                .hasMessageContaining("unterminated quoted field");
    }

    @Test
    void forecastRoundTripWithACommaInTheQueueName() throws IOException {
        StringWriter w = new StringWriter();
        ForecastTable.writeHeader(w, true);
        ForecastTable.writeRow(
                w,
                List.of(
                        "2026-10-05T06:00:00Z",
                        "Loyers, \"charges\"",
                        "PHONE",
                        "3.5",
                        "240",
                        "1",
                        "3",
                        "6"));
        ForecastTable.writeRow(
                w, List.of("2026-10-05T06:15:00Z", "TECH", "EMAIL", "0", "", "0", "0", "0"));
        Path p = file("forecast.csv", w.toString());

        List<ForecastTable.Row> rows = ForecastTable.read(p, "p90");
        assertThat(rows)
                .containsExactly(
                        new ForecastTable.Row(
                                Instant.parse("2026-10-05T06:00:00Z"),
                                "Loyers, \"charges\"",
                                Channel.PHONE,
                                6,
                                240),
                        new ForecastTable.Row(
                                Instant.parse("2026-10-05T06:15:00Z"),
                                "TECH",
                                Channel.EMAIL,
                                0,
                                Double.NaN));
        assertThat(w.toString()).startsWith(ForecastTable.HEADER + ",p10,p50,p90\n");
    }

    @Test
    void forecastRejectsOffGridInstantsAndSecondRows() throws IOException {
        String h = ForecastTable.HEADER + "\n";
        assertThatThrownBy(
                        () ->
                                ForecastTable.read(
                                        file("g.csv", h + "2026-10-05T06:05:00Z,Q,PHONE,1,2\n"),
                                        "offered"))
                .hasMessageContaining("g.csv line 2: field interval_start")
                .hasMessageContaining("15-minute grid");
        String row = "2026-10-05T06:00:00Z,Q,PHONE,1,2\n";
        assertThatThrownBy(() -> ForecastTable.read(file("d.csv", h + row + row), "offered"))
                .hasMessageContaining("d.csv line 3: a second row");
    }

    @Test
    void staffingRoundTrip() throws IOException {
        StaffingTable.Row r =
                new StaffingTable.Row(
                        Instant.parse("2026-10-05T06:00:00Z"),
                        "Accueil, général",
                        Channel.CHAT,
                        12.5,
                        300,
                        3.123456,
                        3.5,
                        0.8123456789,
                        Double.NaN,
                        12.3456,
                        0);
        StringWriter w = new StringWriter();
        StaffingTable.write(w, List.of(r));
        assertThat(w.toString())
                .isEqualTo(
                        StaffingTable.HEADER
                                + "\n2026-10-05T06:00:00Z,\"Accueil, général\",CHAT,12.5,300,3.1235,3.5,0.812346,,12.346\n");
        StaffingTable.Row back = StaffingTable.read(file("s.csv", w.toString())).get(0);
        assertThat(back.queue()).isEqualTo("Accueil, général");
        assertThat(back.agents()).isEqualTo(3.1235);
        assertThat(back.occupancy()).isNaN();
        assertThat(back.line()).isEqualTo(2);
    }

    @Test
    void rosterRoundTrip() throws IOException {
        List<RosterTable.Row> agents =
                List.of(
                        new RosterTable.Row(
                                "A001", "Nord", List.of("LOYERS", "Accueil, général"), 1, 0),
                        new RosterTable.Row("A002", "Sud", List.of(), 0.5, 0));
        StringWriter w = new StringWriter();
        RosterTable.write(w, agents);
        assertThat(w.toString())
                .isEqualTo(
                        "agent_id,team,skills,fte\n"
                                + "A001,Nord,\"LOYERS;Accueil, général\",1.0\n"
                                + "A002,Sud,,0.5\n");
        List<RosterTable.Row> back = RosterTable.read(file("r.csv", w.toString()));
        assertThat(back)
                .containsExactly(
                        new RosterTable.Row(
                                "A001", "Nord", List.of("LOYERS", "Accueil, général"), 1, 2),
                        new RosterTable.Row("A002", "Sud", List.of(), 0.5, 3));
    }

    @Test
    void rosterFromAnotherToolIsReadByColumnName() throws IOException {
        // columns reordered, no team, an extra column: what an HR export looks like
        List<RosterTable.Row> back =
                RosterTable.read(
                        file(
                                "hr.csv",
                                "fte,name,agent_id,skills\n0.8,Dupont,A7,LOYERS;SINISTRES\n"));
        assertThat(back)
                .containsExactly(
                        new RosterTable.Row("A7", "", List.of("LOYERS", "SINISTRES"), 0.8, 2));
        assertThatThrownBy(() -> RosterTable.read(file("bad.csv", "agent,skills,fte\nA,B,1\n")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad.csv line 1: no column agent_id");
    }

    @Test
    void scheduleReadsEndOfDayAndBreaks() throws IOException {
        Path p =
                file(
                        "schedule.csv",
                        ScheduleTable.HEADER
                                + "\nA001,2026-10-05,8:30,17:00,12:00-12:45;15:00-15:15\n"
                                + "A002,2026-10-05,16:00,24:00,\n");
        List<ScheduleTable.Shift> shifts = ScheduleTable.read(p);
        assertThat(shifts.get(0).startMinute()).isEqualTo(8 * 60 + 30);
        assertThat(shifts.get(0).breaks())
                .containsExactly(
                        new ScheduleTable.Break(720, 765), new ScheduleTable.Break(900, 915));
        assertThat(shifts.get(1).endMinute()).isEqualTo(1440);
        ZoneId paris = ZoneId.of("Europe/Paris");
        // 24:00 on 5 October is midnight of the 6th in Paris (UTC+2): 22:00 UTC
        assertThat(ScheduleTable.instant(LocalDate.of(2026, 10, 5), 1440, paris))
                .isEqualTo(Instant.parse("2026-10-05T22:00:00Z"));
        assertThat(ScheduleTable.isSchedule(p)).isTrue();
    }

    @Test
    void scheduleRejectsASecondShiftOfOneAgentOnOneDate() throws IOException {
        String h = ScheduleTable.HEADER + "\n";
        String row = "A001,2026-10-05,08:00,16:00,\n";
        assertThatThrownBy(() -> ScheduleTable.read(file("d.csv", h + row + row)))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(
                        "d.csv line 3: agent_id A001 has a second shift on 2026-10-05 (first on line 2)");
        assertThatThrownBy(
                        () -> ScheduleTable.read(file("t.csv", h + "A001,2026-10-05,8h,16:00,\n")))
                .hasMessageContaining("t.csv line 2: field start: '8h' is not HH:MM");
    }
}
