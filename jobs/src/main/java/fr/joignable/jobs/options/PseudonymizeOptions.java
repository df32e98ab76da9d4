package fr.joignable.jobs.options;

import fr.joignable.domain.privacy.TenantPseudonymizer;
import fr.joignable.jobs.KpiJobOptions;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/**
 * The ingest options that pseudonymise tenant ids (RGPD), shared by {@code kpi}, {@code stream},
 * {@code convert}, {@code ingest} and the job jar's {@link fr.joignable.jobs.StreamJobMain}.
 */
public final class PseudonymizeOptions {

    @Option(
            names = "--pseudonymize",
            arity = "0..1",
            fallbackValue = "true",
            paramLabel = "BOOLEAN",
            description =
                    "Replace every tenantId by HMAC-SHA-256(key, tenantId) before any state or"
                            + " output. Key: --tenant-key-file, else the environment variable "
                            + TenantPseudonymizer.KEY_ENV
                            + " (at least 16 bytes; never printed).")
    boolean pseudonymize;

    @Option(
            names = "--tenant-key-file",
            paramLabel = "FILE",
            description = "File holding the pseudonymisation key (implies --pseudonymize).")
    Path keyFile;

    /** Whether tenant ids are to be pseudonymised. */
    public boolean enabled() {
        return pseudonymize || keyFile != null;
    }

    /** The key file given, or {@code null} (the key then comes from the environment). */
    public Path keyFile() {
        return keyFile;
    }

    /**
     * The pseudonymiser asked for, the key read here, or {@code null} when not asked; the key is
     * never printed.
     */
    public TenantPseudonymizer pseudonymizer() {
        if (keyFile != null) {
            return TenantPseudonymizer.fromFile(keyFile);
        }
        return pseudonymize ? TenantPseudonymizer.fromEnvironment(System.getenv()) : null;
    }

    /**
     * Sets the job options for a job that runs here ({@code kpi}, {@code stream}): the key is
     * checked readable now, so a missing key fails before any work, and the file is named by its
     * absolute path. Never the key itself.
     */
    public void applyCheckedHere(Configuration conf) {
        if (!enabled()) {
            return;
        }
        pseudonymizer();
        if (keyFile != null) {
            conf.set(KpiJobOptions.TENANT_KEY_FILE, keyFile.toAbsolutePath().toString());
        }
        conf.set(KpiJobOptions.PSEUDONYMIZE, true);
    }

    /**
     * Sets the job options for a job submitted to a cluster: the key file is read on the
     * TaskManagers (its path as given), the environment key there too; nothing is checked here.
     */
    public void applyForCluster(Configuration conf) {
        if (keyFile != null) {
            conf.set(KpiJobOptions.TENANT_KEY_FILE, keyFile.toString());
        }
        if (enabled()) {
            conf.set(KpiJobOptions.PSEUDONYMIZE, true);
        }
    }
}
