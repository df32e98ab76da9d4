package fr.joignable.inputs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Every line accounted for", on files the converter has not seen: the summary's ledger (lines read
 * = used + skipped + blank or header) must balance, the lines read must be the file's own count of
 * lines (counted here from its bytes), and every skipped line must be listed once, with its line
 * number, in the skipped-lines file.
 */
class LineLedgerTest {

    @TempDir Path dir;

    @Test
    void theHandCountedFixtureBalances() throws IOException {
        Path log = dir.resolve("queue_log");
        Files.writeString(
                log, String.join("\n", QueueLogConverterTest.LOG) + "\n\n", StandardCharsets.UTF_8);
        StringWriter skippedCsv = new StringWriter();
        Conversion.Result r =
                Conversion.toFile(
                        InputFormat.ASTERISK_QUEUE_LOG,
                        List.of(log),
                        Mapping.defaults(),
                        null,
                        dir.resolve("out.jsonl"),
                        new Skips(skippedCsv));
        // by hand: QUEUESTART, the repeated ABANDON, RINGNOANSWER, FOOBAR, "garbage line",
        // CONFIGRELOAD are skipped; one blank line at the end; every other line is used
        int lines = QueueLogConverterTest.LOG.size() + 1;
        assertThat(r.linesRead()).isEqualTo(lines);
        assertThat(r.skips().total()).isEqualTo(6);
        assertThat(r.skips().notDataLines()).isEqualTo(1);
        assertThat(r.skips().usedLines()).isEqualTo(lines - 6 - 1);
        assertThat(r.unaccounted()).isZero();
        assertThat(r.format())
                .startsWith(
                        "lines read: "
                                + lines
                                + " (used "
                                + (lines - 7)
                                + ", skipped 6, blank or"
                                + " header 1)\n");
        assertThat(skippedCsv.toString().lines().count()).isEqualTo(6);
    }

    /** A realistic log with damage a real installation produces, in random places. */
    @Test
    void aDamagedUnseenLogBalancesLineForLine() throws IOException {
        for (long seed = 1; seed <= 5; seed++) {
            SplittableRandom rnd = new SplittableRandom(seed);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            List<String> kept = new ArrayList<>();
            long t = 1_760_000_000L;
            for (int i = 0; i < 3000; i++) {
                t += rnd.nextInt(0, 20);
                String line = line(rnd, t, i, kept);
                kept.add(line);
                bytes.write(line.getBytes(StandardCharsets.ISO_8859_1));
                bytes.write(
                        rnd.nextInt(10) == 0
                                ? "\r\n".getBytes(StandardCharsets.US_ASCII)
                                : new byte[] {'\n'});
            }
            if (rnd.nextBoolean()) {
                bytes.write(
                        "1760999999|cut.1|loyers|NONE|ENTERQ".getBytes(StandardCharsets.US_ASCII));
            }
            byte[] content = bytes.toByteArray();
            Path log = dir.resolve("queue_log-" + seed);
            Files.write(log, content);
            long expectedLines = countLines(content);

            StringWriter skippedCsv = new StringWriter();
            Conversion.Result r =
                    Conversion.toFile(
                            InputFormat.ASTERISK_QUEUE_LOG,
                            List.of(log),
                            Mapping.defaults(),
                            null,
                            dir.resolve("out-" + seed + ".jsonl.gz"),
                            new Skips(skippedCsv));
            assertThat(r.linesRead()).as("seed %d: lines read", seed).isEqualTo(expectedLines);
            assertThat(r.unaccounted()).as("seed %d: unaccounted", seed).isZero();
            List<String> rows = skippedCsv.toString().lines().toList();
            assertThat(rows)
                    .as("seed %d: one row per skipped line", seed)
                    .hasSize((int) r.skips().total());
            Set<String> places = new HashSet<>();
            for (String row : rows) {
                String place = row.substring(0, row.indexOf(',', row.indexOf(',') + 1));
                assertThat(places.add(place)).as("seed %d: %s listed once", seed, place).isTrue();
                long lineNo = Long.parseLong(place.substring(place.indexOf(',') + 1));
                assertThat(lineNo).isBetween(1L, expectedLines);
            }
        }
    }

    /** Lines as a reader sees them: '\n', '\r\n' or '\r' end one; an unterminated tail is one. */
    private static long countLines(byte[] b) {
        long n = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' || (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n'))) {
                n++;
            }
        }
        if (b.length > 0 && b[b.length - 1] != '\n' && b[b.length - 1] != '\r') {
            n++;
        }
        return n;
    }

    private static String line(SplittableRandom rnd, long t, int i, List<String> before) {
        String c = t + "." + i;
        String q = rnd.nextBoolean() ? "loyers" : "technique";
        int kind = rnd.nextInt(22);
        return switch (kind) {
            case 0, 1, 2, 3 ->
                    t
                            + "|"
                            + c
                            + "|"
                            + q
                            + "|NONE|ENTERQUEUE||06"
                            + rnd.nextInt(10_000_000, 99_999_999)
                            + "|1";
            case 4, 5 ->
                    t
                            + "|"
                            + c
                            + "|"
                            + q
                            + "|Agent/"
                            + rnd.nextInt(9)
                            + "|CONNECT|"
                            + rnd.nextInt(60)
                            + "|x|2";
            case 6 -> t + "|" + c + "|" + q + "|Agent/" + rnd.nextInt(9) + "|COMPLETECALLER|3|40|1";
            case 7 -> t + "|" + c + "|" + q + "|NONE|ABANDON|1|1|" + rnd.nextInt(90);
            case 8 -> t + "|" + c + "|" + q + "|NONE|EXITWITHTIMEOUT|1|1|300";
            case 9 -> t + "|" + c + "|" + q + "|NONE|CLOSED|";
            case 10 -> t + "|" + c + "|" + q + "|Agent/3|RINGNOANSWER|15000";
            case 11 -> t + "|NONE|" + q + "|Agent/" + rnd.nextInt(9) + "|PAUSE|lunch";
            case 12 -> ""; // blank
            case 13 -> "   \t"; // blank too
            case 14 -> before.isEmpty() ? "x" : before.get(rnd.nextInt(before.size())); // repeat
            case 15 -> t + "|" + c + "|" + q + "|NONE|SOMETHINGNEW|a|b";
            case 16 -> "not|a|queue_log"; // too few fields
            case 17 -> "yesterday|" + c + "|" + q + "|NONE|ENTERQUEUE||0|1"; // bad time
            case 18 -> t + "|NONE|NONE|NONE|QUEUESTART|";
            case 19 -> t + "|" + c + "|" + q + "|\u00e9\u00ff|CONNECT|1|y|1"; // Latin-1 bytes
            case 20 -> t + "||" + q + "|NONE|ABANDON|1|1|5"; // no callid
            default -> t + "|" + c + "|NONE|Agent/2|COMPLETEAGENT|1|2|3"; // no queue
        };
    }
}
