package fr.joignable.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.joignable.domain.privacy.TenantPseudonymizer;
import fr.joignable.jobs.model.Ev;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;

/**
 * Replaces tenant identifiers by their keyed hash (HMAC-SHA-256) before any state or output sees
 * them: in the decoded event and in the original line kept for the rejected and late outputs. The
 * key is loaded on the task from a file, or from the environment variable {@value
 * TenantPseudonymizer#KEY_ENV}; it never travels in the job graph and is never logged.
 */
public final class PseudonymizeFunction extends RichMapFunction<Ev, Ev> {

    private static final long serialVersionUID = 1L;

    /** A tenantId string field in a line that could not be decoded. */
    private static final Pattern TENANT_FIELD =
            Pattern.compile("(\"tenantId\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*)(\")");

    private static final ObjectMapper MAPPER = new ObjectMapper();

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
    public Ev map(Ev e) throws IOException {
        if (e.rejected()) {
            e.raw = redact(e.raw, pseudonymizer);
        } else if (e.tenantId != null) {
            e.tenantId = pseudonymizer.pseudonym(e.tenantId);
            JsonNode tree = MAPPER.readTree(e.raw);
            ((ObjectNode) tree).put("tenantId", e.tenantId);
            e.raw = MAPPER.writeValueAsBytes(tree);
        }
        return e;
    }

    /** Pseudonymizes every {@code "tenantId":"…"} string of a raw line that is valid text. */
    static byte[] redact(byte[] raw, TenantPseudonymizer p) {
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        if (!text.contains("tenantId")) {
            return raw;
        }
        Matcher m = TENANT_FIELD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(
                    out,
                    Matcher.quoteReplacement(m.group(1) + p.pseudonym(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
