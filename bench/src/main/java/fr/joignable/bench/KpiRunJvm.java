package fr.joignable.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM flags {@code ./joignable kpi} gives a run over a file, from the launcher's own definition
 * ({@code cli/kpi-jvm-options}, by the file's size), so that the harness's KPI child JVMs measure
 * what a user runs; the harness's own flags ({@code -Xmx3g}) otherwise. {@code ./bench/run} starts
 * at the root of the checkout.
 */
final class KpiRunJvm {

    static final Path OPTIONS = Path.of("cli", "kpi-jvm-options");

    private KpiRunJvm() {}

    /** The flags for a run over {@code events}, or null (keep the harness's) without the script. */
    static List<String> flags(Path events) throws IOException, InterruptedException {
        if (!Files.isExecutable(OPTIONS)) {
            return null;
        }
        long size = Files.size(events);
        boolean gzip = events.getFileName().toString().endsWith(".gz");
        Process p =
                new ProcessBuilder(
                                OPTIONS.toAbsolutePath().toString(),
                                Long.toString(gzip ? 0 : size),
                                Long.toString(gzip ? size : 0))
                        .redirectErrorStream(true)
                        .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(OPTIONS + " failed: " + out);
        }
        List<String> flags = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                flags.add(line.trim());
            }
        }
        return flags;
    }
}
