package fr.joignable.cli;

import fr.joignable.inputs.Conversion;
import fr.joignable.inputs.InputFormat;
import fr.joignable.inputs.Skips;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code kpi --from FORMAT}: converts the exports into an events file in a hidden folder of the
 * output directory (as {@code convert} would, tenant ids left to the job's own {@code
 * --pseudonymize}), prints the conversion summary, and hands that file to the normal run; the file
 * is deleted after.
 */
final class KpiFromExports {

    private KpiFromExports() {}

    /** The converted events file, or the inputs themselves when {@code from} is null. */
    static List<Path> prepare(
            InputFormat from,
            Path mapping,
            ConfigFileOptions config,
            List<Path> inputs,
            Path out,
            PrintWriter o)
            throws IOException {
        if (from == null) {
            if (mapping != null) {
                throw new UsageException("--mapping needs --from FORMAT");
            }
            return inputs;
        }
        Path events = temp(out);
        Files.createDirectories(events.getParent());
        Conversion.Result r =
                Conversion.toFile(
                        from,
                        inputs,
                        InputsSupport.mapping(mapping, config),
                        null,
                        events,
                        new Skips());
        o.print("converted " + from + ":\n" + r.format().indent(2));
        o.flush();
        return List.of(events);
    }

    /** Deletes the converted file, if any. */
    static void cleanup(InputFormat from, Path out) {
        if (from != null) {
            ConvertCommand.deleteQuietly(temp(out));
            ConvertCommand.deleteQuietly(temp(out).getParent());
        }
    }

    /**
     * In a hidden folder of the output directory; the file itself is not hidden (Flink skips
     * those).
     */
    private static Path temp(Path out) {
        return out.resolve(".kpi-from-" + ProcessHandle.current().pid()).resolve("events.jsonl");
    }
}
