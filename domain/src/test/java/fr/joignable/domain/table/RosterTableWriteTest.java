package fr.joignable.domain.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A roster written and read again keeps every agent, skill and contract. */
class RosterTableWriteTest {

    @TempDir Path dir;

    @Test
    void fteKeepsOneDecimalAsGenerateWritesItAndEveryDecimalBeyond() throws IOException {
        List<RosterTable.Row> agents =
                List.of(
                        new RosterTable.Row("A001", "NORD", List.of("LOYERS", "ACCUEIL"), 1.0, 0),
                        new RosterTable.Row("A002", "SUD", List.of("LOYERS"), 0.8, 0),
                        new RosterTable.Row("A003", "SUD", List.of(), 0.75, 0),
                        new RosterTable.Row("A004", "EST", List.of("TECHNIQUE"), 0.333, 0));
        StringWriter w = new StringWriter();
        RosterTable.write(w, agents);
        assertThat(w.toString())
                .isEqualTo(
                        "agent_id,team,skills,fte\n"
                                + "A001,NORD,LOYERS;ACCUEIL,1.0\n"
                                + "A002,SUD,LOYERS,0.8\n"
                                + "A003,SUD,,0.75\n"
                                + "A004,EST,TECHNIQUE,0.333\n");
        Path file = dir.resolve("roster.csv");
        Files.writeString(file, w.toString());
        List<RosterTable.Row> back = RosterTable.read(file);
        for (int i = 0; i < agents.size(); i++) {
            assertThat(back.get(i).agentId()).isEqualTo(agents.get(i).agentId());
            assertThat(back.get(i).skills()).isEqualTo(agents.get(i).skills());
            assertThat(back.get(i).fte()).isEqualTo(agents.get(i).fte());
        }
    }
}
