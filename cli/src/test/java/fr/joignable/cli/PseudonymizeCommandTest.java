package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kpi --pseudonymize}: no tenant id in any output, and the same KPIs. */
class PseudonymizeCommandTest {

    private static final String SECRET_TENANT = "T-SECRET-4242";

    @TempDir Path dir;

    private static String offer(String id, String ts, String contact) {
        return "{\"eventId\":\""
                + id
                + "\",\"type\":\"CONTACT_OFFERED\",\"ts\":\""
                + ts
                + "\",\"contactId\":\""
                + contact
                + "\",\"channel\":\"PHONE\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\",\"tenantId\":\""
                + SECRET_TENANT
                + "\"}";
    }

    @Test
    void noOutputHoldsTheTenantIdAndTheKpisAreUnchanged() throws Exception {
        Path events = dir.resolve("events.jsonl");
        Files.write(
                events,
                List.of(
                        offer("e1", "2026-10-05T08:00:00Z", "c1"),
                        "{\"eventId\":\"e2\",\"type\":\"CONTACT_ABANDONED\",\"ts\":\"2026-10-05T08:00:30Z\",\"contactId\":\"c1\"}",
                        offer("e3", "2026-10-05T09:00:00Z", "c2"),
                        // rejected (unknown channel) and late (two hours behind) lines carry it too
                        "{\"eventId\":\"e4\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T09:01:00Z\",\"contactId\":\"c3\",\"channel\":\"FAX\",\"queue\":\"LOYERS\",\"intent\":\"CHARGES\",\"tenantId\":\""
                                + SECRET_TENANT
                                + "\"}",
                        offer("e5", "2026-10-05T07:00:00Z", "c4")),
                StandardCharsets.UTF_8);
        Path key = Files.writeString(dir.resolve("key"), "a-key-of-at-least-16-bytes\n");

        Path clear = dir.resolve("clear");
        Path hashed = dir.resolve("hashed");
        assertThat(
                        JoignableCliTest.run(
                                        "kpi",
                                        "--events",
                                        events.toString(),
                                        "--out",
                                        clear.toString(),
                                        "--csv",
                                        "--judge-lateness")
                                .status())
                .isZero();
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi",
                        "--events",
                        events.toString(),
                        "--out",
                        hashed.toString(),
                        "--csv",
                        "--judge-lateness",
                        "--tenant-key-file",
                        key.toString());
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out() + run.err()).doesNotContain(SECRET_TENANT).doesNotContain("a-key-of");

        assertThat(Files.readString(hashed.resolve("contact_intervals.csv")))
                .isEqualTo(Files.readString(clear.resolve("contact_intervals.csv")))
                .contains("2026-10-05T09:00:00Z,LOYERS,PHONE,1,0,0,0,0,0,0,,0,,1,1,1,1,0,0\n");
        // the second contact of the tenant is found as a duplicate after an abandon
        assertThat(Files.readString(hashed.resolve("rejected.jsonl"))).contains("FAX");
        assertThat(Files.readString(hashed.resolve("late.jsonl"))).contains("c4");
        try (Stream<Path> files = Files.walk(hashed)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1))
                        .as(f.toString())
                        .doesNotContain(SECRET_TENANT)
                        .doesNotContain("a-key-of");
            }
        }
    }

    @Test
    void withoutAKeyItFailsInOneLine() {
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "kpi",
                        "--events",
                        dir.resolve("x.jsonl").toString(),
                        "--out",
                        dir.resolve("o").toString(),
                        "--tenant-key-file",
                        dir.resolve("missing-key").toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("missing-key").hasLineCount(1);
    }
}
