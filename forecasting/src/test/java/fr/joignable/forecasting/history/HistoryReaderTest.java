package fr.joignable.forecasting.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.io.InputException;
import fr.joignable.forecasting.history.Fixtures.Row;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryReaderTest {

    @TempDir Path dir;

    private static final List<Row> ROWS =
            List.of(
                    new Row("2026-10-05 06:00:00+00", "loyer", "PHONE", 4, 2, 300.0),
                    new Row("2026-10-05 06:00:00+00", "loyer", "CHAT", 1, 0, null),
                    new Row("2026-10-05 06:45:00+00", "loyer", "PHONE", 2, 1, 120.0),
                    new Row("2026-10-06 07:00:00+00", "travaux", "PHONE", 3, 3, 200.0));

    private void writeTable(Path data) throws Exception {
        Fixtures.parquet(
                data.resolve("contact_intervals/day=2026-10-05/part-0.parquet"),
                ROWS.subList(0, 3));
        Fixtures.parquet(
                data.resolve("contact_intervals/day=2026-10-06/part-0.parquet"),
                ROWS.subList(3, 4));
    }

    @Test
    void readsAPartitionedParquetTableWithZerosForMissingIntervals() throws Exception {
        writeTable(dir);
        History h = HistoryReader.read(dir);
        assertThat(h.startMillis()).isEqualTo(Instant.parse("2026-10-05T06:00:00Z").toEpochMilli());
        // 06:00 on the 5th to 07:00 on the 6th: 25 hours + 1 interval
        assertThat(h.intervals()).isEqualTo(25 * 4 + 1);
        assertThat(h.end()).isEqualTo(Instant.parse("2026-10-06T07:15:00Z"));
        assertThat(h.series().keySet())
                .containsExactly(
                        new SeriesKey("loyer", "CHAT"),
                        new SeriesKey("loyer", "PHONE"),
                        new SeriesKey("travaux", "PHONE"));
        SeriesHistory phone = h.series().get(new SeriesKey("loyer", "PHONE"));
        assertThat(phone.offered()[0]).isEqualTo(4);
        assertThat(phone.offered()[1]).isZero();
        assertThat(phone.offered()[3]).isEqualTo(2);
        assertThat(phone.handleSeconds()[0]).isEqualTo(600);
        assertThat(h.series().get(new SeriesKey("travaux", "PHONE")).offered()[100]).isEqualTo(3);
        // the table directory itself works as well
        assertThat(HistoryReader.read(dir.resolve("contact_intervals")).intervals()).isEqualTo(101);
    }

    @Test
    void readsTheCsvForm() throws Exception {
        Path csv = dir.resolve("contact_intervals.csv");
        Fixtures.csv(csv, ROWS);
        History h = HistoryReader.read(csv);
        assertThat(h.intervals()).isEqualTo(101);
        assertThat(h.series().get(new SeriesKey("loyer", "PHONE")).offered()[3]).isEqualTo(2);
        assertThat(h.series().get(new SeriesKey("loyer", "CHAT")).handleSeconds()[0]).isZero();
    }

    @Test
    void readsACsvOfAnotherVersionByColumnName() throws Exception {
        // the 17 columns written before diverted/closed, reordered, with a column of its own
        Path csv = dir.resolve("old.csv");
        Files.writeString(
                csv,
                "queue,channel,interval_start,offered,answered,handled,aht_s,note\n"
                        + "loyer,PHONE,2026-10-05T06:00:00Z,3,3,2,150,x\n"
                        + "loyer,PHONE,2026-10-05T06:15:00Z,5,4,4,100,\n");
        History h = HistoryReader.read(csv);
        assertThat(h.intervals()).isEqualTo(2);
        SeriesHistory s = h.series().get(new SeriesKey("loyer", "PHONE"));
        assertThat(s.offered()).containsExactly(3, 5);
        assertThat(s.handled()).containsExactly(2, 4);
        assertThat(s.handleSeconds()).containsExactly(300, 400);
    }

    @Test
    void aMissingPathIsAnInputError() {
        assertThatThrownBy(() -> HistoryReader.read(dir.resolve("nope")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void aDirectoryWithoutParquetIsAnInputError() {
        assertThatThrownBy(() -> HistoryReader.read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no contact_intervals Parquet");
    }

    @Test
    void aCsvWithAWrongHeaderIsAnInputError() throws Exception {
        Path csv = dir.resolve("x.csv");
        Files.writeString(csv, "interval_start,queue,offered\n2026-10-05T06:00:00Z,q,1\n");
        assertThatThrownBy(() -> HistoryReader.read(csv))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("x.csv")
                .hasMessageContaining("header");
    }

    @Test
    void anEmptyHistoryIsAnInputError() throws Exception {
        Path csv = dir.resolve("empty.csv");
        Fixtures.csv(csv, ROWS);
        List<String> lines = Files.readAllLines(csv);
        Files.writeString(csv, lines.get(0) + "\n");
        assertThatThrownBy(() -> HistoryReader.read(csv))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no rows");
    }

    @Test
    void aTruncatedParquetFileIsAnInputError() throws Exception {
        writeTable(dir);
        Path file = dir.resolve("contact_intervals/day=2026-10-06/part-0.parquet");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> HistoryReader.read(dir))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot read")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
