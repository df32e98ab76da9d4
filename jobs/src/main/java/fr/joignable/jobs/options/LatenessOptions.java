package fr.joignable.jobs.options;

import fr.joignable.jobs.KpiJobOptions;
import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The KPI job's lateness options, shared by {@code kpi} (with {@code --judge-lateness}), {@code
 * stream} and the job jar's {@link fr.joignable.jobs.StreamJobMain}: typed durations whose defaults
 * are {@link KpiJobOptions}'. Only the options given on the command line are set on the job, so the
 * job's own defaults and the configuration file stay in force otherwise.
 */
public final class LatenessOptions {

    public static final String OUT_OF_ORDERNESS = "--out-of-orderness";

    public static final String ALLOWED_LATENESS = "--allowed-lateness";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(
            names = OUT_OF_ORDERNESS,
            converter = DurationConverter.class,
            defaultValue = KpiJobOptions.DEFAULT_OUT_OF_ORDERNESS,
            paramLabel = "DURATION",
            description =
                    "How far out of order events may arrive (per Kafka partition live, per file"
                            + " with kpi --judge-lateness) and still be on time (default:"
                            + " ${DEFAULT-VALUE}).")
    Duration outOfOrderness;

    @Option(
            names = ALLOWED_LATENESS,
            converter = DurationConverter.class,
            defaultValue = KpiJobOptions.DEFAULT_ALLOWED_LATENESS,
            paramLabel = "DURATION",
            description =
                    "Extra lateness accepted beyond the out-of-orderness; later events go to the"
                            + " late output (default: ${DEFAULT-VALUE}).")
    Duration allowedLateness;

    /** The out-of-orderness parsed (the default when not given). */
    public Duration outOfOrderness() {
        return outOfOrderness;
    }

    /** The allowed lateness parsed (the default when not given). */
    public Duration allowedLateness() {
        return allowedLateness;
    }

    /** Whether either option was given on the command line. */
    public boolean given() {
        return given(OUT_OF_ORDERNESS) || given(ALLOWED_LATENESS);
    }

    /** Sets the options given on the command line. */
    public void applyTo(Configuration conf) {
        if (given(OUT_OF_ORDERNESS)) {
            conf.set(KpiJobOptions.OUT_OF_ORDERNESS, outOfOrderness);
        }
        if (given(ALLOWED_LATENESS)) {
            conf.set(KpiJobOptions.ALLOWED_LATENESS, allowedLateness);
        }
    }

    private boolean given(String option) {
        return mixee.commandLine().getParseResult().hasMatchedOption(option);
    }
}
