package fr.joignable.domain.privacy;

import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces tenant identifiers by a keyed hash before anything else sees them (RGPD
 * pseudonymisation): {@code HMAC-SHA-256(key, tenantId)}, hex, truncated to {@value #HEX_DIGITS}
 * digits and prefixed {@code p:}. The same tenant always maps to the same pseudonym under one key,
 * so duplicate detection still works; without the key the mapping cannot be reversed or recomputed
 * from a list of known identifiers.
 *
 * <p>The key comes from the environment variable {@value #KEY_ENV} or from a file; it is never
 * logged, printed or written, and {@link #toString()} does not show it.
 */
public final class TenantPseudonymizer implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Environment variable holding the key (any text of at least 16 bytes). */
    public static final String KEY_ENV = "JOIGNABLE_TENANT_KEY";

    /** Hex digits kept: 128 bits, far beyond any collision risk for a landlord's tenants. */
    public static final int HEX_DIGITS = 32;

    /** Shortest key accepted, in bytes. */
    public static final int MIN_KEY_BYTES = 16;

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] key;
    private transient ThreadLocal<Mac> mac;

    private TenantPseudonymizer(byte[] key) {
        if (key.length < MIN_KEY_BYTES) {
            throw new InputException(
                    "the pseudonymisation key must be at least " + MIN_KEY_BYTES + " bytes long");
        }
        this.key = key.clone();
    }

    public static TenantPseudonymizer ofKey(byte[] key) {
        return new TenantPseudonymizer(key);
    }

    /** The key from a file (its bytes, with a trailing newline removed). */
    public static TenantPseudonymizer fromFile(Path keyFile) {
        try {
            byte[] bytes = Files.readAllBytes(keyFile);
            int end = bytes.length;
            while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
                end--;
            }
            return new TenantPseudonymizer(Arrays.copyOf(bytes, end));
        } catch (IOException e) {
            throw new InputException("cannot read the pseudonymisation key file " + keyFile);
        }
    }

    /** The key from {@value #KEY_ENV} in {@code env}. */
    public static TenantPseudonymizer fromEnvironment(Map<String, String> env) {
        String value = env.get(KEY_ENV);
        if (value == null || value.isEmpty()) {
            throw new InputException("environment variable " + KEY_ENV + " is not set");
        }
        return new TenantPseudonymizer(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of one tenant identifier. */
    public String pseudonym(String tenantId) {
        byte[] digest = mac().doFinal(tenantId.getBytes(StandardCharsets.UTF_8));
        return "p:" + HexFormat.of().formatHex(digest, 0, HEX_DIGITS / 2);
    }

    /** The event with its tenant identifier replaced; other events unchanged. */
    public InteractionEvent apply(InteractionEvent event) {
        if (event instanceof ContactOffered offered && offered.tenantId() != null) {
            return offered.withTenantId(pseudonym(offered.tenantId()));
        }
        return event;
    }

    private Mac mac() {
        if (mac == null) {
            mac = ThreadLocal.withInitial(this::newMac);
        }
        return mac.get();
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(new SecretKeySpec(key, ALGORITHM));
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "TenantPseudonymizer[HMAC-SHA-256, key hidden]";
    }
}
