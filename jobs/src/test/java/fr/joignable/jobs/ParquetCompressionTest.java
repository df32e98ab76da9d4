package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.InteractionEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interval tables are written ZSTD-compressed (DuckDB's {@code parquet_metadata} says so for
 * every column chunk) and DuckDB still reads every row.
 */
class ParquetCompressionTest {

    @TempDir Path dir;

    @Test
    void everyColumnChunkIsZstdAndReadable() throws Exception {
        TestEvents gen = new TestEvents(11);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> all = new ArrayList<>(gen.contacts(start, 2, 200));
        all.addAll(gen.agents(start, 2, 8));
        Path events = TestEvents.write(dir.resolve("events.jsonl"), gen.lines(all, false));
        Path out = dir.resolve("out");
        FileKpiRun.run(List.of(events), out, true, new Configuration());

        for (String table : List.of("contact_intervals", "agent_intervals", "intent_intervals")) {
            String glob = out.resolve(table) + "/**/*.parquet";
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                    Statement s = c.createStatement();
                    ResultSet rs =
                            s.executeQuery(
                                    "select string_agg(distinct compression, ','),"
                                            + " sum(total_compressed_size),"
                                            + " sum(total_uncompressed_size)"
                                            + " from parquet_metadata('"
                                            + glob
                                            + "')")) {
                rs.next();
                assertThat(rs.getString(1)).as(table).isEqualTo("ZSTD");
                // sizes: on a few small files ZSTD's frame overhead can exceed its gain; the
                // figures of a real month are in docs/operations.md
                assertThat(rs.getLong(2)).as(table).isPositive();
            }
        }
        long csvRows;
        try (var lines = Files.lines(out.resolve("contact_intervals.csv"))) {
            csvRows = lines.count() - 1;
        }
        assertThat(ParquetRead.count(out, "contact_intervals")).isEqualTo(csvRows).isPositive();
    }
}
