package fr.joignable.bench;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.jobs.FileKpiRun;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Flink job's bounded run against a second, independent computation of the same tables: plain
 * DuckDB SQL written from {@code docs/kpis.md} ({@link DuckDbBaseline}), over four days of
 * simulator output. Every row must agree: counts exactly, rates and means within {@link
 * DuckDbBaseline#TOLERANCE}.
 */
class DuckDbBaselineITCase {

    @TempDir Path tmp;

    @Test
    void theJobsTablesEqualTheSqlComputedFromTheDefinitions() throws Exception {
        SimEvents.Events events = SimEvents.of(tmp, 4);
        Path jobOut = tmp.resolve("job");
        FileKpiRun.run(List.of(events.file()), jobOut, false, new Configuration());
        Path baseline = tmp.resolve("duckdb");
        DuckDbBaseline.Timing t = DuckDbBaseline.run(events.file(), baseline, 2);
        assertThat(t.contactRows()).isPositive();
        assertThat(t.agentRows()).isPositive();
        for (String table : DuckDbBaseline.TABLES) {
            DuckDbBaseline.Agreement a = DuckDbBaseline.compare(table, baseline, jobOut);
            assertThat(a.complete()).as(a.toString()).isTrue();
        }
    }
}
