package fr.joignable.cli;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.inputs.Conversion;
import fr.joignable.inputs.InputFormat;
import fr.joignable.inputs.Skips;
import fr.joignable.jobs.options.PseudonymizeOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code joignable convert}: a centre's own exports to Joignable's events. */
@Command(
        name = "convert",
        mixinStandardHelpOptions = true,
        description = {
            "Turns what a centre's telephony or ticketing system exports into events (JSON Lines,"
                    + " .gz when FILE ends so). Formats: asterisk-queue-log (Asterisk, FreePBX,"
                    + " Issabel, VitalPBX, Wazo/XiVO queue_log), queue-log-csv (a queue_log table"
                    + " as CSV), calls-csv (one row per call or ticket, columns named by"
                    + " --mapping). Prints what it read, wrote and skipped, with reasons and line"
                    + " numbers. See docs/inputs.md."
        })
public final class ConvertCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin PseudonymizeOptions privacy;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "FORMAT",
            converter = InputsSupport.FormatConverter.class,
            description = "asterisk-queue-log, queue-log-csv or calls-csv.")
    InputFormat from;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Events file.")
    Path out;

    @Option(
            names = "--mapping",
            paramLabel = "FILE",
            description =
                    "YAML: queue -> intent, channel, team; time zone; calls-csv columns (default:"
                            + " PHONE, intent OTHER, team = queue, UTC). Without it, the mapping:"
                            + " section of joignable.yaml when the file has one.")
    Path mapping;

    @Option(
            names = "--skipped",
            paramLabel = "FILE",
            description = "Also write every skipped line as CSV (file,line,reason).")
    Path skipped;

    @Parameters(
            arity = "1..*",
            paramLabel = "INPUT",
            description = "Export files (.gz too), in order.")
    List<Path> inputs;

    @Override
    public Integer call() throws Exception {
        var map = InputsSupport.mapping(mapping, configFile);
        var pseudonymizer = InputsSupport.pseudonymizer(privacy);
        long started = System.nanoTime();
        Conversion.Result r;
        if (skipped == null) {
            r = Conversion.toFile(from, inputs, map, pseudonymizer, out, new Skips());
        } else {
            Conversion.Result[] holder = new Conversion.Result[1];
            AtomicFiles.write(
                    skipped,
                    os -> {
                        Writer w =
                                new BufferedWriter(
                                        new OutputStreamWriter(os, StandardCharsets.UTF_8));
                        w.write(Skips.HEADER + "\n");
                        holder[0] =
                                Conversion.toFile(
                                        from, inputs, map, pseudonymizer, out, new Skips(w));
                        w.flush();
                    });
            r = holder[0];
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PrintWriter o = spec.commandLine().getOut();
        o.print(r.format());
        o.printf(Locale.ROOT, "Wrote %s in %.1f s%n", out, seconds);
        o.flush();
        return JoignableCli.EXIT_OK;
    }

    static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // best effort: a hidden temporary file
        }
    }
}
