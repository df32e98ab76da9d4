package fr.joignable.forecasting.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputReadingTest {

    static final String STAFFING_HEADER =
            "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,service_level,"
                    + "occupancy,asa_s\n";

    @TempDir Path dir;

    private Path file(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    @Test
    void readsARoster() throws IOException {
        Path path =
                file(
                        "roster.csv",
                        "\uFEFFagent_id,team,skills,fte\r\n"
                                + "AG001,T1,LOYERS;TECHNIQUE,1\r\n"
                                + "\r\n"
                                + "AG002,T2,,0.5\r\n"
                                + "AG003,T2,\"LOYERS; LOYERS;\",0.8\r\n");

        Roster roster = Roster.read(path);

        assertThat(roster.agents())
                .containsExactly(
                        new Agent("AG001", "T1", List.of("LOYERS", "TECHNIQUE"), 1, 2),
                        new Agent("AG002", "T2", List.of(), 0.5, 4),
                        new Agent("AG003", "T2", List.of("LOYERS"), 0.8, 5));
        assertThat(roster.totalFte()).isEqualTo(2.3);
    }

    @Test
    void rosterErrorsNameFileLineAndValue() throws IOException {
        String header = "agent_id,team,skills,fte\n";
        assertError(
                Roster::read,
                file("dup.csv", header + "A1,T,LOYERS,1\nA2,T,LOYERS,1\nA1,T,TECHNIQUE,1\n"),
                "dup.csv line 4: duplicate agent_id 'A1' (first on line 2)");
        assertError(
                Roster::read,
                file("zero.csv", header + "A1,T,LOYERS,0\n"),
                "zero.csv line 2: fte 0 of agent 'A1' outside (0, 1]");
        assertError(
                Roster::read,
                file("big.csv", header + "A1,T,LOYERS,1.5\n"),
                "big.csv line 2: fte 1.5 of agent 'A1' outside (0, 1]");
        assertError(
                Roster::read,
                file("nan.csv", header + "A1,T,LOYERS,un\n"),
                "nan.csv line 2: fte 'un' is not a number");
        assertError(
                Roster::read,
                file("header.csv", "agent,team,skills,fte\nA1,T,LOYERS,1\n"),
                "header.csv line 1: no column agent_id (the roster's header is"
                        + " agent_id,team,skills,fte)");
        assertError(
                Roster::read,
                file("queue.csv", header + "A1,T,LOYERS;TECH/NIQUE,1\n"),
                "queue.csv line 2: malformed queue name 'TECH/NIQUE'");
        assertError(
                Roster::read,
                file("fields.csv", header + "A1,T,LOYERS\n"),
                "fields.csv line 2: 3 fields, expected 4");
        assertError(Roster::read, file("empty.csv", header), "empty.csv: no agents");
        assertError(Roster::read, dir.resolve("missing.csv"), "missing.csv: file not found");
    }

    @Test
    void readsAStaffingPlanAddingTheChannelsOfAQueue() throws IOException {
        Path path =
                file(
                        "staffing.csv",
                        STAFFING_HEADER
                                + "2026-10-05T06:15:00Z,TECHNIQUE,PHONE,10,240,3,5,0.8,0.7,12\n"
                                + "2026-10-05T06:00:00Z,LOYERS,PHONE,10,240,3,4,0.8,0.7,12\n"
                                + "2026-10-05T06:00:00Z,LOYERS,EMAIL,3,300,1,2,,,\n"
                                + "2026-10-05T06:15:00Z,LOYERS,CHAT,1,300,1,1,1,0.2,0\n");

        QueueDemand plan = QueueDemand.read(path);

        assertThat(plan.queues()).containsExactly("LOYERS", "TECHNIQUE");
        assertThat(plan.intervals())
                .containsExactly(
                        Instant.parse("2026-10-05T06:00:00Z"),
                        Instant.parse("2026-10-05T06:15:00Z"));
        assertThat(plan.demand()[0]).containsExactly(6, 0);
        assertThat(plan.demand()[1]).containsExactly(1, 5);
    }

    @Test
    void staffingErrorsNameFileLineAndValue() throws IOException {
        assertError(
                QueueDemand::read,
                file("h.csv", "interval_start,queue,channel,scheduled_agents\n"),
                "h.csv line 1: wrong header");
        assertError(
                QueueDemand::read,
                file("n.csv", STAFFING_HEADER + "2026-10-05T06:00:00Z,LOYERS,PHONE,1,2,3,4x,,,\n"),
                "n.csv line 2: scheduled_agents '4x' is not a number");
        assertError(
                QueueDemand::read,
                file("o.csv", STAFFING_HEADER + "2026-10-05T06:00:00Z,LOYERS,PHONE,dix,2,3,4,,,\n"),
                "o.csv line 2: offered 'dix' is not a number");
        assertError(
                QueueDemand::read,
                file(
                        "neg.csv",
                        STAFFING_HEADER + "2026-10-05T06:00:00Z,LOYERS,PHONE,1,2,3,-1,,,\n"),
                "neg.csv line 2: scheduled_agents -1 is negative");
        assertError(
                QueueDemand::read,
                file("t.csv", STAFFING_HEADER + "05/10/2026 06:00,LOYERS,PHONE,1,2,3,4,,,\n"),
                "t.csv line 2: interval_start '05/10/2026 06:00' is not an ISO-8601");
        assertError(
                QueueDemand::read,
                file("q.csv", STAFFING_HEADER + "2026-10-05T06:00:00Z,;LOYERS,PHONE,1,2,3,4,,,\n"),
                "q.csv line 2: malformed queue name ';LOYERS'");
        assertError(
                QueueDemand::read,
                file("c.csv", STAFFING_HEADER + "2026-10-05T06:00:00Z,LOYERS,FAX,1,2,3,4,,,\n"),
                "c.csv line 2: unknown channel 'FAX'");
        assertError(
                QueueDemand::read,
                file(
                        "d.csv",
                        STAFFING_HEADER
                                + "2026-10-05T06:00:00Z,LOYERS,PHONE,1,2,3,4,,,\n"
                                + "2026-10-05T06:00:00Z,LOYERS,PHONE,1,2,3,4,,,\n"),
                "d.csv line 3: duplicate row for 2026-10-05T06:00:00Z LOYERS PHONE (first on line"
                        + " 2)");
        assertError(QueueDemand::read, file("e.csv", STAFFING_HEADER), "e.csv: no staffing rows");
    }

    @Test
    void queueNames() {
        assertThat(QueueNames.isValid("LOYERS")).isTrue();
        assertThat(QueueNames.isValid("GESTION_LOCATIVE")).isTrue();
        assertThat(QueueNames.isValid("Accueil général")).isTrue();
        assertThat(QueueNames.isValid("")).isFalse();
        assertThat(QueueNames.isValid("A  B")).isFalse();
        assertThat(QueueNames.isValid("A;B")).isFalse();
        assertThat(QueueNames.isValid("_X")).isFalse();
    }

    private static void assertError(
            java.util.function.Function<Path, ?> reader, Path path, String message) {
        assertThatThrownBy(() -> reader.apply(path))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(message)
                .hasMessageNotContaining("\n");
    }
}
