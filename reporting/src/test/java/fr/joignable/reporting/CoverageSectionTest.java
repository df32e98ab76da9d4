package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage of the coming month's schedule, from a coverage file computed by hand. */
class CoverageSectionTest {

    private static final double TOLERANCE = 1e-9;

    /**
     * Pool A: required 2, 2, 0 and present 1, 3, 1 — 1.0 agent-hour required, 1.25 present,
     * coverage (1 + 2 + 0) / 4 = 0.75, one quarter-hour below the plan, worst gap 1 agent. Pool B:
     * required 1, 1 and present 1, 1 — coverage 1. Pool C requires nobody and is left out.
     */
    private static final String COVERAGE =
            String.join(
                    "\n",
                    "interval_start,pool,required,present,shortfall",
                    "2026-11-02T08:00:00Z,A+B,2,1,1",
                    "2026-11-02T08:15:00Z,A+B,2,3,0",
                    "2026-11-03T08:30:00Z,A+B,0,1,0",
                    "2026-11-02T08:00:00Z,B,1,1,0",
                    "2026-11-02T08:15:00Z,B,1,1,0",
                    "2026-11-02T08:00:00Z,C,0,2,0",
                    "");

    @Test
    void eachPoolShowsWhatTheScheduleCoversOfThePlan(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        new Fixture(7L, true).write(data);
        Files.writeString(data.resolve("coverage.csv"), COVERAGE);
        Report en =
                MonthlyReport.build(
                        data, YearMonth.of(2026, 10), Messages.Lang.EN, ReportOptions.defaults());
        DataTable t =
                en.tables().stream()
                        .filter(x -> x.id().equals("schedule_coverage"))
                        .findFirst()
                        .orElseThrow();
        assertThat(t.section()).isEqualTo(CoverageSection.SECTION);
        assertThat(t.rows()).hasSize(2);
        List<Object> a = t.rows().get(0);
        assertThat(a.get(0)).isEqualTo("A + B");
        assertThat(a.get(1)).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(a.get(2)).isEqualTo(LocalDate.of(2026, 11, 3));
        assertThat(((Number) a.get(3)).doubleValue()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(((Number) a.get(4)).doubleValue()).isCloseTo(1.25, within(TOLERANCE));
        assertThat(((Number) a.get(5)).doubleValue()).isCloseTo(0.75, within(TOLERANCE));
        assertThat(((Number) a.get(6)).longValue()).isEqualTo(1);
        assertThat(((Number) a.get(7)).doubleValue()).isCloseTo(1.0, within(TOLERANCE));
        List<Object> b = t.rows().get(1);
        assertThat(b.get(0)).isEqualTo("B");
        assertThat(((Number) b.get(5)).doubleValue()).isCloseTo(1.0, within(TOLERANCE));
        assertThat(((Number) b.get(6)).longValue()).isEqualTo(0);
    }

    @Test
    void withoutACoverageFileThereIsNoSuchTable(@TempDir Path tmp) {
        Path data = tmp.resolve("data");
        new Fixture(7L, true).write(data);
        Report en =
                MonthlyReport.build(
                        data, YearMonth.of(2026, 10), Messages.Lang.EN, ReportOptions.defaults());
        assertThat(en.tables()).noneMatch(x -> x.id().equals("schedule_coverage"));
    }
}
