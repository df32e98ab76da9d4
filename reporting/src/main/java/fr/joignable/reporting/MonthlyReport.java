package fr.joignable.reporting;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.io.InputException;
import fr.joignable.reporting.ReportModel.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Locale;

/** Builds the monthly report of a data directory and writes it in the format of the file name. */
public final class MonthlyReport {

    /** Output formats, from the file name's extension. */
    public enum Format {
        HTML,
        PDF,
        XLSX;

        /** The format of {@code file}, or {@code null} for an unknown extension. */
        public static Format of(Path file) {
            String name =
                    file.getFileName() == null
                            ? ""
                            : file.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".html") || name.endsWith(".htm")) {
                return HTML;
            }
            if (name.endsWith(".pdf")) {
                return PDF;
            }
            if (name.endsWith(".xlsx")) {
                return XLSX;
            }
            return null;
        }
    }

    private MonthlyReport() {}

    /** Reads {@code dataDir}, builds the report of {@code month} with the default options. */
    public static Report build(Path dataDir, YearMonth month, Messages.Lang lang) {
        return build(dataDir, month, lang, ReportOptions.defaults());
    }

    /** Reads {@code dataDir}, builds the report of {@code month}. */
    public static Report build(
            Path dataDir, YearMonth month, Messages.Lang lang, ReportOptions options) {
        try (Tables tables = Tables.open(dataDir)) {
            return new ReportBuilder(tables).build(month, lang, options);
        }
    }

    /** {@link #write(Path, YearMonth, Messages.Lang, ReportOptions, Path)} with the defaults. */
    public static Report write(Path dataDir, YearMonth month, Messages.Lang lang, Path out)
            throws IOException {
        return write(dataDir, month, lang, ReportOptions.defaults(), out);
    }

    /**
     * Builds and writes the report; nothing is written when the month has no data.
     *
     * @throws InputException for missing or unreadable data, or no data for the month
     */
    public static Report write(
            Path dataDir, YearMonth month, Messages.Lang lang, ReportOptions options, Path out)
            throws IOException {
        Format format = Format.of(out);
        if (format == null) {
            throw new IllegalArgumentException("unknown report format: " + out);
        }
        Report report = build(dataDir, month, lang, options);
        switch (format) {
            case HTML:
                String html = HtmlRenderer.render(report);
                AtomicFiles.writeText(out, w -> w.write(html));
                break;
            case PDF:
                PdfRenderer pdf = new PdfRenderer();
                AtomicFiles.write(out, o -> pdf.render(report, o));
                break;
            default:
                AtomicFiles.write(out, o -> XlsxRenderer.render(report, o));
        }
        return report;
    }
}
