package fr.joignable.jobs;

import fr.joignable.domain.privacy.TenantPseudonymizer;
import fr.joignable.jobs.model.JobEvent;
import java.nio.file.Path;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Replaces tenant identifiers by their keyed hash (HMAC-SHA-256) before any state or output sees
 * them: in the decoded event and in the original line kept for the rejected and late outputs. The
 * key is loaded on the task from a file, or from the environment variable {@value
 * TenantPseudonymizer#KEY_ENV}; it never travels in the job graph and is never logged.
 */
public final class PseudonymizeFunction extends RichMapFunction<JobEvent, JobEvent> {

    private static final long serialVersionUID = 1L;

    private final String keyFile;
    private transient TenantPseudonymizer pseudonymizer;

    /**
     * @param keyFile the key file, or empty to read the key from the environment
     */
    public PseudonymizeFunction(String keyFile) {
        this.keyFile = keyFile == null ? "" : keyFile;
    }

    @Override
    public void open(OpenContext openContext) {
        pseudonymizer =
                keyFile.isEmpty()
                        ? TenantPseudonymizer.fromEnvironment(System.getenv())
                        : TenantPseudonymizer.fromFile(Path.of(keyFile));
    }

    @Override
    public JobEvent map(JobEvent e) {
        if (e.tenantId != null) {
            e.tenantId = pseudonymizer.pseudonym(e.tenantId);
        }
        // the raw line (kept for the rejected and late outputs) too, at any depth and in any form
        e.raw = redact(e.raw, pseudonymizer);
        return e;
    }

    /**
     * Pseudonymizes every tenant identifier of a raw line, whatever its JSON form or validity
     * ({@link TenantRedaction}).
     */
    static byte[] redact(byte[] raw, TenantPseudonymizer p) {
        return TenantRedaction.redact(raw, p::pseudonym);
    }
}
