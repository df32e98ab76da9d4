package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.cli.JoignableCliTest.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAndSqlCommandTest {

    @TempDir static Path tmp;
    static String data;

    /** October 2026: 10 contacts offered, 8 answered in each PHONE interval of 08:00–12:00 UTC. */
    @BeforeAll
    static void tables() throws Exception {
        Path dir = tmp.resolve("data");
        Files.createDirectories(dir);
        data = dir.toString();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute(
                    "COPY (SELECT ts AS interval_start, 'LOYERS' AS queue, 'PHONE' AS channel,"
                            + " 10::BIGINT AS offered, 8::BIGINT AS answered,"
                            + " 1::BIGINT AS short_abandoned, 1::BIGINT AS abandoned,"
                            + " 6::BIGINT AS answered_in_sl, 6 / 9.0 AS service_level,"
                            + " 1 / 9.0 AS abandon_rate, 12.5::DOUBLE AS asa_s, 8::BIGINT AS handled,"
                            + " 300.0::DOUBLE AS aht_s, 10::BIGINT AS identified,"
                            + " 1::BIGINT AS duplicates, 0::BIGINT AS duplicates_after_abandon,"
                            + " 0.1::DOUBLE AS duplicate_rate, strftime(ts, '%Y-%m-%d') AS day"
                            + " FROM (SELECT unnest(generate_series(TIMESTAMPTZ '2026-10-01 08:00:00+00',"
                            + " TIMESTAMPTZ '2026-10-31 11:45:00+00', INTERVAL 15 MINUTE)) AS ts)"
                            + " WHERE hour(ts) BETWEEN 8 AND 11)"
                            + " TO '"
                            + dir.resolve("contact_intervals")
                            + "' (FORMAT parquet, PARTITION_BY (day))");
        }
    }

    static Run run(String... args) {
        return JoignableCliTest.run(args);
    }

    @Test
    void reportWritesEachFormat() {
        for (String name : new String[] {"r.html", "r.pdf", "r.xlsx"}) {
            Path out = tmp.resolve(name);
            Run run = run("report", "--month", "2026-10", "--data", data, "--out", out.toString());
            assertThat(run.status()).as(run.err()).isZero();
            assertThat(out).isNotEmptyFile();
        }
        Path en = tmp.resolve("en.html");
        assertThat(
                        run(
                                        "report",
                                        "--month",
                                        "2026-10",
                                        "--data",
                                        data,
                                        "--out",
                                        en.toString(),
                                        "--lang",
                                        "en")
                                .status())
                .isZero();
    }

    @Test
    void usageErrorsExitTwo() {
        Run badMonth =
                run(
                        "report",
                        "--month",
                        "2026-13",
                        "--data",
                        data,
                        "--out",
                        tmp.resolve("x.pdf").toString());
        assertThat(badMonth.status()).isEqualTo(2);
        assertThat(badMonth.err()).contains("2026-13").contains("not a month");
        Run badExt =
                run(
                        "report",
                        "--month",
                        "2026-10",
                        "--data",
                        data,
                        "--out",
                        tmp.resolve("x.docx").toString());
        assertThat(badExt.status()).isEqualTo(2);
        assertThat(badExt.err()).contains(".docx");
        assertThat(
                        run(
                                        "report", "--month", "2026-10", "--data", data, "--out",
                                        "x.pdf", "--lang", "de")
                                .status())
                .isEqualTo(2);
    }

    @Test
    void theCostPerHourIsAnOptionAndTheOlderTablesReadDivertedAsZero() {
        Path out = tmp.resolve("cost.html");
        Run run =
                run(
                        "report",
                        "--month",
                        "2026-10",
                        "--data",
                        data,
                        "--out",
                        out.toString(),
                        "--cost-per-hour",
                        "42.5",
                        "--lang",
                        "en");
        assertThat(run.status()).as(run.err()).isZero();
        Run bad =
                run(
                        "report",
                        "--month",
                        "2026-10",
                        "--data",
                        data,
                        "--out",
                        out.toString(),
                        "--cost-per-hour",
                        "-3");
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err()).contains("--cost-per-hour");
        // The table above has no diverted/closed columns: the views show them as 0.
        Run sql =
                run(
                        "sql",
                        "--data",
                        data,
                        "--csv",
                        "SELECT sum(diverted) AS d, sum(closed) AS c FROM contact_intervals");
        assertThat(sql.out().lines().toList()).containsExactly("d,c", "0,0");
    }

    @Test
    void noDataOrNoDirectoryExitsOneWithoutAFile() {
        Path out = tmp.resolve("none.pdf");
        Run run = run("report", "--month", "2026-11", "--data", data, "--out", out.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("no data for 2026-11");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(out).doesNotExist();
        Run missing =
                run(
                        "report",
                        "--month",
                        "2026-10",
                        "--data",
                        tmp.resolve("nowhere").toString(),
                        "--out",
                        out.toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err().lines().count()).isEqualTo(1);
    }

    @Test
    void sqlPrintsATableOrCsv() {
        String q =
                "SELECT channel, sum(offered) AS offered, sum(answered_in_sl) / sum(offered - short_abandoned) AS sl"
                        + " FROM contact_intervals GROUP BY channel";
        Run table = run("sql", "--data", data, q);
        assertThat(table.status()).as(table.err()).isZero();
        // 31 days x 16 intervals x 10 offered.
        assertThat(table.out().lines().toList())
                .containsExactly(
                        "channel  offered                  sl",
                        "-------  -------  ------------------",
                        "PHONE       4960  0.6666666666666666",
                        "(1 row)");
        Run csv = run("sql", "--data", data, "--csv", q);
        assertThat(csv.out().lines().toList())
                .containsExactly("channel,offered,sl", "PHONE,4960,0.6666666666666666");
    }

    @Test
    void aSqlErrorIsOneLine() {
        Run run = run("sql", "--data", data, "SELECT nope FROM contact_intervals");
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("nope");
        assertThat(run.err().lines().count()).isEqualTo(1);
        Run noView = run("sql", "--data", data, "SELECT * FROM handoffs");
        assertThat(noView.status()).isEqualTo(1);
    }
}
