package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import fr.joignable.domain.io.InputException;
import fr.joignable.reporting.ReportModel.DataTable;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonthlyReportTest {

    /** Sums of doubles in a different order than DuckDB's: a relative tolerance. */
    private static final double TOLERANCE = 1e-9;

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final Instant OCT_FROM = Instant.parse("2026-09-30T22:00:00Z");
    private static final Instant OCT_TO = Instant.parse("2026-10-31T23:00:00Z");

    @TempDir static Path tmp;
    static Fixture fixture;
    static Path data;
    static Expected oct;
    static Expected sep;

    /** The month's figures, computed in Java from the generated rows. */
    record Expected(
            long offered,
            long answered,
            double serviceLevel,
            double abandonRate,
            double asaLive,
            double aht,
            double duplicateRate,
            double afterAbandon,
            double occupancy) {

        /** {@code serviceLevel}, {@code abandonRate} and {@code asaLive}: the phone's. */
        static Expected of(Fixture f, Instant from, Instant to) {
            long offered = 0, answered = 0, shortAb = 0, ab = 0, inSl = 0, handled = 0;
            long identified = 0, dups = 0, dupsAb = 0, phoneAnswered = 0, closed = 0;
            double asaW = 0, ahtW = 0;
            for (Fixture.Contact c : f.contacts) {
                if (c.start().isBefore(from) || !c.start().isBefore(to)) {
                    continue;
                }
                offered += c.offered();
                answered += c.answered();
                identified += c.identified();
                dups += c.duplicates();
                dupsAb += c.duplicatesAfterAbandon();
                if (c.ahtS() != null) {
                    ahtW += c.ahtS() * c.handled();
                    handled += c.handled();
                }
                if (c.channel().equals("PHONE")) {
                    shortAb += c.shortAbandoned();
                    ab += c.abandoned();
                    inSl += c.answeredInSl();
                    closed += c.closed();
                    if (c.asaS() != null) {
                        asaW += c.asaS() * c.answered();
                        phoneAnswered += c.answered();
                    }
                }
            }
            long den = 0;
            for (Fixture.Contact c : f.contacts) {
                if (!c.start().isBefore(from)
                        && c.start().isBefore(to)
                        && c.channel().equals("PHONE")) {
                    den += c.offered();
                }
            }
            den -= shortAb + closed;
            double busyWrap = 0, available = 0;
            for (Fixture.Agent a : f.agents) {
                if (!a.start().isBefore(from) && a.start().isBefore(to)) {
                    busyWrap += a.busyS() + a.wrapS();
                    available += a.readyS() + a.busyS() + a.wrapS();
                }
            }
            return new Expected(
                    offered,
                    answered,
                    (double) inSl / den,
                    (double) ab / den,
                    asaW / phoneAnswered,
                    ahtW / handled,
                    (double) dups / identified,
                    (double) dupsAb / dups,
                    busyWrap / available);
        }
    }

    @BeforeAll
    static void generate() {
        data = tmp.resolve("data");
        fixture = new Fixture(20261005L).write(data);
        oct = Expected.of(fixture, OCT_FROM, OCT_TO);
        sep = Expected.of(fixture, Instant.parse("2026-08-31T22:00:00Z"), OCT_FROM);
    }

    private static Kpi kpi(Report report, String key) {
        return report.kpis().stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    private static DataTable table(Report report, String id) {
        return report.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * TOLERANCE + 1e-12));
    }

    @Test
    void theMonthsFiguresAreRatiosOfTheIntervalSums() {
        Report report = MonthlyReport.build(data, OCTOBER, Messages.Lang.FR);
        close(kpi(report, "kpi.offered").value(), oct.offered());
        close(kpi(report, "kpi.answered").value(), oct.answered());
        close(kpi(report, "kpi.phone_sl").value(), oct.serviceLevel());
        close(kpi(report, "kpi.phone_abandon").value(), oct.abandonRate());
        close(kpi(report, "kpi.phone_asa").value(), oct.asaLive());
        close(kpi(report, "kpi.aht").value(), oct.aht());
        close(kpi(report, "kpi.occupancy").value(), oct.occupancy());
        close(kpi(report, "kpi.duplicate_rate").value(), oct.duplicateRate());
        close(kpi(report, "kpi.after_abandon").value(), oct.afterAbandon());
        close(kpi(report, "kpi.phone_sl").previous(), sep.serviceLevel());
        assertThat(report.kpis()).noneMatch(k -> k.key().equals("kpi.service_level"));
        close(kpi(report, "kpi.offered").previous(), sep.offered());
        close(kpi(report, "kpi.occupancy").previous(), sep.occupancy());
    }

    @Test
    void dailyHeatmapIntentsHandoffsAndStaffingMatchTheRows() {
        Report report = MonthlyReport.build(data, OCTOBER, Messages.Lang.EN);
        // 31 Paris days, including the 25-hour day of the change to winter time.
        assertThat(report.days()).hasSize(31);
        LocalDate dst = LocalDate.of(2026, 10, 25);
        long offeredOnDst = 0;
        long offeredTuesday10h = 0, shortTuesday10h = 0, inSlTuesday10h = 0;
        for (Fixture.Contact c : fixture.contacts) {
            var local = c.start().atZone(Fixture.PARIS);
            if (local.toLocalDate().equals(dst)) {
                offeredOnDst += c.offered();
            }
            if (local.getYear() == 2026
                    && local.getMonthValue() == 10
                    && local.getDayOfWeek().getValue() == 2
                    && local.getHour() == 10
                    && c.channel().equals("PHONE")) {
                offeredTuesday10h += c.offered();
                shortTuesday10h += c.shortAbandoned();
                inSlTuesday10h += c.answeredInSl();
            }
        }
        long dstOffered =
                report.days().stream()
                        .filter(d -> d.day().equals(dst))
                        .findFirst()
                        .orElseThrow()
                        .offered();
        assertThat(dstOffered).isEqualTo(offeredOnDst);
        close(
                report.heat()[1][10],
                (double) inSlTuesday10h / (offeredTuesday10h - shortTuesday10h));

        long heatingDups = 0;
        for (Fixture.IntentRow i : fixture.intents) {
            if (!i.start().isBefore(OCT_FROM)
                    && i.start().isBefore(OCT_TO)
                    && i.intent().equals("HEATING")) {
                heatingDups += i.duplicates();
            }
        }
        DataTable intents = table(report, "relance_intents");
        assertThat(intents.rows().get(0).get(0)).isEqualTo("Heating, hot water");
        assertThat(intents.rows().get(0).get(1)).isEqualTo(1L);
        assertThat(intents.rows().get(0).get(4)).isEqualTo(heatingDups);

        long created = 0, closed = 0;
        List<Double> closing = new ArrayList<>();
        for (Fixture.Handoff h : fixture.handoffs) {
            if (!h.target().equals("GARDIEN")) {
                continue;
            }
            if (!h.created().isBefore(OCT_FROM) && h.created().isBefore(OCT_TO)) {
                created++;
            }
            if (h.closed() != null
                    && !h.closed().isBefore(OCT_FROM)
                    && h.closed().isBefore(OCT_TO)) {
                closed++;
                closing.add((double) (h.closed().getEpochSecond() - h.created().getEpochSecond()));
            }
        }
        closing.sort(Double::compare);
        int m = closing.size();
        double median =
                m % 2 == 1 ? closing.get(m / 2) : (closing.get(m / 2 - 1) + closing.get(m / 2)) / 2;
        List<Object> gardien =
                table(report, "handoffs").rows().stream()
                        .filter(r -> "GARDIEN".equals(r.get(0)))
                        .findFirst()
                        .orElseThrow();
        assertThat(gardien.get(1)).isEqualTo(created);
        assertThat(gardien.get(2)).isEqualTo(closed);
        close((Double) gardien.get(3), median / 3600);

        double planned =
                fixture.staffing.stream().mapToDouble(s -> s.scheduledAgents() * 0.25).sum();
        double plannedInReport =
                table(report, "staffing").rows().stream().mapToDouble(r -> (Double) r.get(1)).sum();
        close(plannedInReport, planned);
        assertThat(table(report, "training_gaps").rows()).hasSize(3);
        assertThat(table(report, "training_plan").rows().get(0))
                .containsExactly("DEMANDES", 2L, "EQUIPE_A, EQUIPE_B");
    }

    @Test
    void everyFigureIsReproducibleWithItsQuery() {
        SqlRunner.Result result =
                SqlRunner.run(data, ReportQueries.sql(ReportQueries.CONTACT_SUMMARY, OCTOBER));
        int offered = result.columns().indexOf("offered");
        assertThat(result.rows().get(0).get(offered)).isEqualTo(Long.toString(oct.offered()));
        SqlRunner.Result channels =
                SqlRunner.run(data, ReportQueries.sql(ReportQueries.CHANNELS, OCTOBER));
        int sl = channels.columns().indexOf("service_level");
        assertThat(channels.rows().get(0).get(0)).isEqualTo("PHONE");
        close(Double.parseDouble(channels.rows().get(0).get(sl)), oct.serviceLevel());
        for (ReportQueries.Query q : ReportQueries.ALL) {
            assertThat(SqlRunner.run(data, ReportQueries.sql(q, OCTOBER)).columns()).isNotEmpty();
        }
    }

    private static String fr(double fraction) {
        return String.format(Locale.FRANCE, "%.1f", fraction * 100) + " %";
    }

    private static String frCount(long n) {
        return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
    }

    @Test
    void thePdfShowsTheFiguresInFrench() throws Exception {
        Path out = tmp.resolve("rapport.pdf");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.FR, out);
        StringBuilder text = new StringBuilder();
        try (PdfReader reader = new PdfReader(out.toString())) {
            assertThat(reader.getNumberOfPages()).isGreaterThan(1);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                text.append(extractor.getTextFromPage(p)).append('\n');
            }
        }
        String s = text.toString().replace('\u00A0', ' ').replaceAll(" +", " ");
        assertThat(s)
                .contains("Rapport mensuel")
                .contains("Octobre 2026")
                .contains("Niveau de service")
                .contains(frCount(oct.offered()))
                .contains(frCount(oct.answered()))
                .contains(fr(oct.serviceLevel()))
                .contains(fr(oct.abandonRate()))
                .contains(fr(oct.occupancy()))
                .contains(fr(oct.duplicateRate()))
                .contains("Méthodologie");
    }

    @Test
    void theWorkbookHoldsNumericCells() throws Exception {
        Path out = tmp.resolve("rapport.xlsx");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.FR, out);
        try (InputStream in = Files.newInputStream(out);
                Workbook wb = new XSSFWorkbook(in)) {
            Sheet summary = wb.getSheetAt(0);
            assertThat(summary.getSheetName()).isEqualTo("Synthèse");
            Row offered = find(summary, "Contacts reçus");
            assertThat(offered.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(offered.getCell(1).getNumericCellValue()).isEqualTo((double) oct.offered());
            assertThat(offered.getCell(2).getNumericCellValue()).isEqualTo((double) sep.offered());
            Cell sl = find(summary, "Niveau de service téléphone").getCell(1);
            assertThat(sl.getCellType()).isEqualTo(CellType.NUMERIC);
            close(sl.getNumericCellValue(), oct.serviceLevel());
            assertThat(sl.getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            Sheet queues = wb.getSheet("Files et canaux");
            double sum = 0;
            for (int r = 1; r <= queues.getLastRowNum(); r++) {
                sum += queues.getRow(r).getCell(2).getNumericCellValue();
            }
            assertThat(sum).isEqualTo((double) oct.offered());
            assertThat(wb.getNumberOfSheets()).isGreaterThanOrEqualTo(8);
        }
    }

    private static Row find(Sheet sheet, String label) {
        for (Row row : sheet) {
            Cell c = row.getCell(0);
            if (c != null
                    && c.getCellType() == CellType.STRING
                    && c.getStringCellValue().equals(label)) {
                return row;
            }
        }
        throw new AssertionError("no row " + label);
    }

    @Test
    void theHtmlIsSelfContainedInEitherLanguage() throws Exception {
        Path en = tmp.resolve("report.html");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.EN, en);
        String html = Files.readString(en);
        assertThat(html)
                .contains("<svg")
                .contains("Phone service level")
                .contains("October 2026")
                .contains(String.format(Locale.ROOT, "%.1f%%", oct.serviceLevel() * 100))
                .contains(String.format(Locale.ROOT, "%,d", oct.offered()))
                .doesNotContain("<script")
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("https://");
        Path fr = tmp.resolve("rapport.html");
        MonthlyReport.write(data, OCTOBER, Messages.Lang.FR, fr);
        assertThat(Files.readString(fr).replace('\u00A0', ' '))
                .contains("Niveau de service")
                .contains("Taux d'occupation")
                .contains(fr(oct.serviceLevel()));
    }

    @Test
    void aMonthWithoutDataWritesNothing() {
        Path out = tmp.resolve("empty.pdf");
        assertThatThrownBy(
                        () ->
                                MonthlyReport.write(
                                        data, YearMonth.of(2026, 12), Messages.Lang.FR, out))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no data for 2026-12");
        assertThat(out).doesNotExist();
    }

    @Test
    void aCorruptFileOrAMissingDirectoryIsAnInputError() throws Exception {
        assertThatThrownBy(
                        () ->
                                MonthlyReport.build(
                                        tmp.resolve("nowhere"), OCTOBER, Messages.Lang.FR))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not found");
        Path bad = tmp.resolve("bad/contact_intervals/day=2026-10-05");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("part-0.parquet"), "not parquet at all");
        assertThatThrownBy(() -> MonthlyReport.build(tmp.resolve("bad"), OCTOBER, Messages.Lang.FR))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("contact_intervals")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
