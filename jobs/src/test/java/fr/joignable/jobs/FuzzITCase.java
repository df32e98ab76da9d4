package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.jobs.io.EventDecoder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input of every kind through the bounded {@code kpi} path: more than 100,000 lines, about a
 * fifth of them mutated (dropped and retyped fields, garbage bytes, invalid UTF-8, lines of several
 * megabytes, deep nesting, numbers where strings belong, enormous or negative timestamps, unknown
 * enum values, truncated JSON, …), seeded and deterministic. The event codec is the oracle, line by
 * line. The job never fails; every line the codec rejects is in {@code rejected.jsonl}, once, with
 * the codec's reason and its exact bytes; the tables equal (CSV byte for byte, Parquet row for row)
 * those of a run over only the valid lines; the gzip file gives the same results.
 */
class FuzzITCase {

    static final long SEED = 20261128L;

    /** Reads rejected.jsonl back: it quotes whole lines, so a string may exceed 20 M chars. */
    static final ObjectMapper JSON =
            new ObjectMapper(
                    com.fasterxml.jackson.core.JsonFactory.builder()
                            .streamReadConstraints(
                                    com.fasterxml.jackson.core.StreamReadConstraints.builder()
                                            .maxStringLength(Integer.MAX_VALUE)
                                            .build())
                            .build());

    static final EventCodec CODEC = EventCodec.instance();

    @TempDir Path dir;

    /** One line as the file reader sees it, with the oracle's verdict. */
    record Line(byte[] bytes, boolean mutated, String kind) {}

    @Test
    void invalidLinesAreRejectedWithReasonsAndTheTablesAreThoseOfTheValidLines() throws Exception {
        Random rnd = new Random(SEED);
        TestEvents gen = new TestEvents(SEED);
        Instant start = Instant.parse("2026-10-05T00:00:00Z");
        List<InteractionEvent> events = new ArrayList<>(gen.contacts(start, 4, 7800));
        events.addAll(gen.agents(start, 4, 24));
        List<byte[]> base = gen.lines(events, true);

        List<Line> lines = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (byte[] b : base) {
            if (rnd.nextInt(100) < 20) {
                String[] kind = new String[1];
                byte[] m = mutate(b, rnd, kind);
                lines.add(new Line(m, true, kind[0]));
                kinds.merge(kind[0], 1, Integer::sum);
            } else {
                lines.add(new Line(b, false, "original"));
            }
        }
        // a few lines of several megabytes, spread through the file
        List<Line> huge = hugeLines(rnd);
        for (int i = 0; i < huge.size(); i++) {
            // the valid one last: its time is after all others, so it makes no line late
            int at = i == 0 ? lines.size() : i * lines.size() / huge.size();
            lines.add(at, huge.get(i));
            kinds.merge(huge.get(i).kind(), 1, Integer::sum);
        }

        // the oracle, line by line, on the bytes as the reader will cut them
        List<byte[]> all = new ArrayList<>();
        List<byte[]> valid = new ArrayList<>();
        Map<Long, String> rejectedReasons = new TreeMap<>();
        Map<Long, byte[]> rejectedBytes = new TreeMap<>();
        long mutated = 0;
        long mutatedInvalid = 0;
        long mutatedValid = 0;
        long blank = 0;
        long lineNo = 0;
        for (Line l : lines) {
            all.add(l.bytes());
            lineNo++;
            byte[] seen = stripCr(l.bytes());
            if (l.mutated()) {
                mutated++;
            }
            if (EventDecoder.isBlank(seen, 0, seen.length)) {
                blank++;
                continue;
            }
            Decoded d = CODEC.decode(seen);
            if (d instanceof Decoded.Rejected r) {
                rejectedReasons.put(lineNo, r.rejection().reason());
                rejectedBytes.put(lineNo, seen);
                if (l.mutated()) {
                    mutatedInvalid++;
                }
            } else {
                valid.add(l.bytes());
                if (l.mutated()) {
                    mutatedValid++;
                }
            }
        }
        long originalInvalid = rejectedReasons.size() - mutatedInvalid;

        Path allFile = TestEvents.write(dir.resolve("fuzz.jsonl"), all);
        Path gzFile = TestEvents.write(dir.resolve("fuzz.jsonl.gz"), all);
        Path validFile = TestEvents.write(dir.resolve("valid.jsonl"), valid);

        long t0 = System.nanoTime();
        RunSummary fuzz =
                FileKpiRun.run(List.of(allFile), dir.resolve("fuzz"), true, new Configuration());
        long t1 = System.nanoTime();
        RunSummary gz =
                FileKpiRun.run(List.of(gzFile), dir.resolve("gz"), true, new Configuration());
        long t2 = System.nanoTime();
        RunSummary clean =
                FileKpiRun.run(List.of(validFile), dir.resolve("valid"), true, new Configuration());
        long t3 = System.nanoTime();

        System.out.printf(
                "Fuzz: %d lines (%d bytes), %d mutated (%d invalid, %d still valid), %d blank,"
                        + " invalid in total %d (of which %d unmutated noise lines), valid %d;"
                        + " run %d ms, gz %d ms, valid-only %d ms; summary %s; kinds %s%n",
                all.size(),
                Files.size(allFile),
                mutated,
                mutatedInvalid,
                mutatedValid,
                blank,
                rejectedReasons.size(),
                originalInvalid,
                valid.size(),
                (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000,
                (t3 - t2) / 1_000_000,
                fuzz.format().replace('\n', ' '),
                kinds);

        assertThat(all.size()).isGreaterThanOrEqualTo(100_000);
        assertThat(mutatedInvalid).isGreaterThan(10_000);

        // counts: read = every non-blank line; rejected = the oracle's invalid lines
        assertThat(fuzz.read()).isEqualTo(all.size() - blank);
        assertThat(fuzz.rejected()).isEqualTo(rejectedReasons.size());
        assertThat(clean.rejected()).isZero();
        assertThat(clean.read()).isEqualTo(valid.size());
        assertThat(fuzz.late()).isEqualTo(clean.late());
        assertThat(fuzz.orphans()).isEqualTo(clean.orphans());
        assertThat(fuzz.redeliveries()).isEqualTo(clean.redeliveries());
        assertThat(gz).usingRecursiveComparison().ignoringFields("millis").isEqualTo(fuzz);

        // rejected.jsonl: each invalid line once, its line number, the codec's reason, its bytes
        List<String> rejected = Files.readAllLines(dir.resolve("fuzz/rejected.jsonl"));
        assertThat(rejected).hasSize(rejectedReasons.size());
        Map<Long, String> seenReasons = new TreeMap<>();
        for (String r : rejected) {
            JsonNode n = JSON.readTree(r);
            long no = n.get("lineNumber").asLong();
            assertThat(seenReasons.put(no, n.get("reason").asText()))
                    .as("line %d twice", no)
                    .isNull();
            byte[] raw =
                    n.has("line")
                            ? n.get("line").asText().getBytes(StandardCharsets.UTF_8)
                            : Base64.getDecoder().decode(n.get("lineBase64").asText());
            assertThat(raw).as("bytes of line %d", no).isEqualTo(rejectedBytes.get(no));
        }
        // A reason quoting a value with a lone UTF-16 surrogate (see utf8Surrogates below) is
        // written with '?' in its place: compare the reasons as written in UTF-8.
        List<String> differences = new ArrayList<>();
        long loneSurrogates = 0;
        for (Map.Entry<Long, String> e : rejectedReasons.entrySet()) {
            String want =
                    new String(
                            e.getValue().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            loneSurrogates += want.equals(e.getValue()) ? 0 : 1;
            String got = seenReasons.get(e.getKey());
            if (!want.equals(got)) {
                differences.add("line " + e.getKey() + ": expected " + want + " got " + got);
            }
        }
        System.out.printf("Fuzz: reasons with a lone surrogate: %d%n", loneSurrogates);
        assertThat(differences).as("reasons that differ from the codec's").isEmpty();
        assertThat(seenReasons.keySet()).isEqualTo(rejectedReasons.keySet());
        assertThat(withoutSource(dir.resolve("gz/rejected.jsonl")))
                .isEqualTo(withoutSource(dir.resolve("fuzz/rejected.jsonl")));

        // tables: byte-identical CSV, the same Parquet rows, as the valid lines alone
        for (String csv : List.of("contact_intervals.csv", "agent_intervals.csv")) {
            byte[] want = Files.readAllBytes(dir.resolve("valid").resolve(csv));
            assertThat(Files.readAllBytes(dir.resolve("fuzz").resolve(csv)))
                    .as(csv)
                    .isEqualTo(want);
            assertThat(Files.readAllBytes(dir.resolve("gz").resolve(csv))).as(csv).isEqualTo(want);
        }
        assertThat(Files.readAllLines(dir.resolve("valid/contact_intervals.csv")).size())
                .isGreaterThan(1000);
        FileKpiRunTest.assertSameTables(
                ParquetRead.contactRows(dir.resolve("fuzz")),
                ParquetRead.contactRows(dir.resolve("valid")));
        FileKpiRunTest.assertSameTables(
                ParquetRead.agentRows(dir.resolve("fuzz")),
                ParquetRead.agentRows(dir.resolve("valid")));
        for (String table : List.of("intent_intervals", "handoffs")) {
            assertThat(ParquetRead.count(dir.resolve("fuzz"), table))
                    .as(table)
                    .isEqualTo(ParquetRead.count(dir.resolve("valid"), table));
        }
        assertThat(Files.readAllLines(dir.resolve("fuzz/late.jsonl"))).hasSize((int) clean.late());
    }

    static List<String> withoutSource(Path file) throws Exception {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            ObjectNode n = (ObjectNode) JSON.readTree(line);
            n.remove("source");
            out.add(n.toString());
        }
        return out;
    }

    /** What the reader hands to the codec: one trailing carriage return removed. */
    static byte[] stripCr(byte[] b) {
        return b.length > 0 && b[b.length - 1] == '\r' ? Arrays.copyOf(b, b.length - 1) : b;
    }

    // ------------------------------------------------------------------ mutations

    static final String[] FIELDS = {
        "eventId",
        "type",
        "ts",
        "contactId",
        "channel",
        "queue",
        "intent",
        "priority",
        "tenantId",
        "residenceId",
        "agentId",
        "team",
        "state",
        "handoffId",
        "target"
    };

    /** A mutated copy of a line (never containing a line feed); its kind in kind[0]. */
    static byte[] mutate(byte[] line, Random rnd, String[] kind) throws Exception {
        JsonNode parsed;
        try {
            parsed = JSON.readTree(line);
        } catch (Exception e) {
            parsed = null;
        }
        if (!(parsed instanceof ObjectNode)) {
            kind[0] = "garbage";
            return garbage(rnd, 1 + rnd.nextInt(300));
        }
        ObjectNode o = (ObjectNode) parsed;
        int k = rnd.nextInt(19);
        switch (k) {
            case 0 -> {
                kind[0] = "drop-field";
                o.remove(randomField(o, rnd));
            }
            case 1 -> {
                kind[0] = "retype-field";
                String f = randomField(o, rnd);
                switch (rnd.nextInt(6)) {
                    case 0 -> o.put(f, rnd.nextInt(1000));
                    case 1 -> o.put(f, rnd.nextBoolean());
                    case 2 -> o.putArray(f).add("x");
                    case 3 -> o.putObject(f).put("v", 1);
                    case 4 -> o.putNull(f);
                    default -> o.put(f, rnd.nextDouble());
                }
            }
            case 2 -> {
                kind[0] = "number-for-string";
                o.put(rnd.nextBoolean() ? "ts" : "eventId", 1_728_115_200_000L + rnd.nextInt());
            }
            case 3 -> {
                kind[0] = "timestamp-out-of-range";
                String[] ts = {
                    "+999999999-12-31T23:59:59Z",
                    "-000001-01-01T00:00:00Z",
                    "1969-12-31T23:59:59.999Z",
                    "2200-01-01T00:00:00Z",
                    "+10000-01-01T00:00:00Z",
                    "0000-01-01T00:00:00Z"
                };
                o.put("ts", ts[rnd.nextInt(ts.length)]);
            }
            case 4 -> {
                kind[0] = "timestamp-unparseable";
                String[] ts = {
                    "2026-10-05T08:00:00",
                    "2026-02-30T08:00:00Z",
                    "2026-10-05 08:00:00Z",
                    "1728115200000",
                    "",
                    "2026-10-05T25:00:00Z",
                    "2026-10-05T08:00:00+25:00",
                    "now"
                };
                o.put("ts", ts[rnd.nextInt(ts.length)]);
            }
            case 5 -> {
                kind[0] = "unknown-enum";
                String[][] e = {
                    {"type", "CONTACT_TELEPORTED"},
                    {"type", "contact_offered"},
                    {"channel", "FAX"},
                    {"channel", "phone"},
                    {"state", "SLEEPING"},
                    {"target", "POLICE"}
                };
                String[] pick = e[rnd.nextInt(e.length)];
                o.put(pick[0], pick[1]);
            }
            case 6 -> {
                kind[0] = "truncated";
                byte[] b = JSON.writeValueAsBytes(o);
                return Arrays.copyOf(b, rnd.nextInt(b.length));
            }
            case 7 -> {
                kind[0] = "garbage";
                return garbage(rnd, 1 + rnd.nextInt(300));
            }
            case 8 -> {
                kind[0] = "invalid-utf8";
                byte[] b = JSON.writeValueAsBytes(o);
                byte[][] bad = {
                    {(byte) 0xC3, (byte) 0x28},
                    {(byte) 0xFF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate, CESU style
                    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xC0, (byte) 0xAF} // overlong '/'
                };
                byte[] ins = bad[rnd.nextInt(bad.length)];
                int at = indexInsideFirstString(b, rnd);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(b, 0, at);
                out.write(ins);
                out.write(b, at, b.length - at);
                return out.toByteArray();
            }
            case 9 -> {
                kind[0] = "deep-nesting";
                int depth = rnd.nextBoolean() ? 1500 + rnd.nextInt(50_000) : 10 + rnd.nextInt(400);
                String open = rnd.nextBoolean() ? "[" : "{\"a\":";
                String close = open.equals("[") ? "]" : "}";
                String nested = open.repeat(depth) + "1" + close.repeat(depth);
                byte[] b = JSON.writeValueAsBytes(o);
                String s = new String(b, StandardCharsets.UTF_8);
                // as an unknown extra field (valid when not too deep) or as the eventId
                String field = rnd.nextBoolean() ? "\"extra\"" : "\"eventId\"";
                return ("{" + field + ":" + nested + "," + s.substring(1))
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 10 -> {
                kind[0] = "priority";
                Object[] p = {0, 4, -1, "1", 2.5, 99999999999L, true};
                Object v = p[rnd.nextInt(p.length)];
                o.set("priority", JSON.valueToTree(v));
            }
            case 11 -> {
                kind[0] = "empty-or-null";
                String f = randomField(o, rnd);
                if (rnd.nextBoolean()) {
                    o.put(f, "");
                } else {
                    o.putNull(f);
                }
            }
            case 12 -> {
                kind[0] = "extra-fields";
                o.put("X-Vendor", "téléphonie ☎ \u0000 \u2028");
                o.putObject("meta").putArray("tags").add(1).add("b");
            }
            case 13 -> {
                kind[0] = "not-an-object";
                String[] v = {"[1,2]", "\"text\"", "42", "null", "true", "[]"};
                return v[rnd.nextInt(v.length)].getBytes(StandardCharsets.UTF_8);
            }
            case 14 -> {
                kind[0] = "trailing-garbage";
                byte[] b = JSON.writeValueAsBytes(o);
                String[] tails = {"}", " x", ",", "{}", " \u0000", "\r\r"};
                return (new String(b, StandardCharsets.UTF_8) + tails[rnd.nextInt(tails.length)])
                        .getBytes(StandardCharsets.UTF_8);
            }
            case 15 -> {
                kind[0] = "whitespace-and-crlf";
                String s =
                        "  \t"
                                + JSON.writerWithDefaultPrettyPrinter()
                                        .writeValueAsString(o)
                                        .replace('\n', ' ')
                                + " \r";
                return s.getBytes(StandardCharsets.UTF_8);
            }
            case 16 -> {
                kind[0] = "control-chars";
                byte[] b = JSON.writeValueAsBytes(o);
                int at = indexInsideFirstString(b, rnd);
                byte[] c = {0x00, 0x01, 0x1F, '\r', 0x0B, 0x0C};
                byte[] out = new byte[b.length + 1];
                System.arraycopy(b, 0, out, 0, at);
                out[at] = c[rnd.nextInt(c.length)];
                System.arraycopy(b, at, out, at + 1, b.length - at);
                return out;
            }
            case 17 -> {
                kind[0] = "huge-number";
                o.put(
                        rnd.nextBoolean() ? "priority" : "ts",
                        new java.math.BigDecimal(
                                "9".repeat(1 + rnd.nextInt(2000)) + "E" + rnd.nextInt(400)));
            }
            default -> {
                kind[0] = "case-changed-field";
                String f = randomField(o, rnd);
                JsonNode v = o.remove(f);
                o.set(f.toUpperCase(), v);
            }
        }
        return JSON.writeValueAsBytes(o);
    }

    static String randomField(ObjectNode o, Random rnd) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names.isEmpty()
                ? FIELDS[rnd.nextInt(FIELDS.length)]
                : names.get(rnd.nextInt(names.size()));
    }

    /** A position just after the opening quote of a string value (or 1). */
    static int indexInsideFirstString(byte[] b, Random rnd) {
        int colons = 0;
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == ':' && b[i + 1] == '"' && (++colons > rnd.nextInt(3))) {
                return i + 2;
            }
        }
        return Math.min(1, b.length);
    }

    static byte[] garbage(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n') {
                b[i] = 'n';
            }
        }
        return b;
    }

    /** Lines of several megabytes: valid (a long unknown field) and invalid ones. */
    static List<Line> hugeLines(Random rnd) {
        List<Line> out = new ArrayList<>();
        String event =
                "\"eventId\":\"huge-1\",\"type\":\"HANDOFF_CLOSED\",\"ts\":\"2026-10-09T12:00:00Z\","
                        + "\"handoffId\":\"no-such-handoff\"";
        out.add(
                new Line(
                        ("{" + event + ",\"notes\":\"" + "a".repeat(3 << 20) + "\"}")
                                .getBytes(StandardCharsets.UTF_8),
                        true,
                        "huge-valid-3MB"));
        out.add(new Line(garbage(rnd, 5 << 20), true, "huge-garbage-5MB"));
        StringBuilder numbers = new StringBuilder("{\"eventId\":[");
        while (numbers.length() < (4 << 20)) {
            numbers.append(rnd.nextInt()).append(',');
        }
        numbers.append("0]}");
        out.add(
                new Line(
                        numbers.toString().getBytes(StandardCharsets.UTF_8),
                        true,
                        "huge-array-4MB"));
        out.add(
                new Line(
                        ("{\"eventId\":\""
                                        + "z".repeat(21 << 20)
                                        + "\","
                                        + event.substring(19)
                                        + "}")
                                .getBytes(StandardCharsets.UTF_8),
                        true,
                        "huge-string-21MB"));
        return out;
    }
}
