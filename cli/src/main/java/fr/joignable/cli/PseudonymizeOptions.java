package fr.joignable.cli;

import fr.joignable.domain.privacy.TenantPseudonymizer;
import fr.joignable.jobs.KpiJobOptions;
import java.nio.file.Path;
import org.apache.flink.configuration.Configuration;
import picocli.CommandLine.Option;

/** The ingest options of {@code kpi} and {@code stream} that pseudonymise tenant ids (RGPD). */
public final class PseudonymizeOptions {

    @Option(
            names = "--pseudonymize",
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

    /** Checks the key can be read here, then sets the job options (never the key itself). */
    void applyTo(Configuration conf) {
        if (!pseudonymize && keyFile == null) {
            return;
        }
        if (keyFile != null) {
            TenantPseudonymizer.fromFile(keyFile);
            conf.set(KpiJobOptions.TENANT_KEY_FILE, keyFile.toAbsolutePath().toString());
        } else {
            TenantPseudonymizer.fromEnvironment(System.getenv());
        }
        conf.set(KpiJobOptions.PSEUDONYMIZE, true);
    }
}
