package fr.joignable.inputs;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Stable event ids for converted lines: the first 128 bits of SHA-256 of the source content, hex.
 * The same line converted twice, or repeated verbatim in a file, gives the same id, so the KPI job
 * counts it once (redeliveries, {@code docs/events.md}); 128 bits make a collision between
 * different lines negligible (about 1e-26 for a year of two million lines).
 */
public final class EventIds {

    private static final ThreadLocal<MessageDigest> SHA256 =
            ThreadLocal.withInitial(EventIds::newDigest);
    private static final HexFormat HEX = HexFormat.of();

    private EventIds() {}

    /** 32 hex digits identifying {@code content}. */
    public static String hash(String content) {
        byte[] d = SHA256.get().digest(content.getBytes(StandardCharsets.UTF_8));
        return HEX.formatHex(d, 0, 16);
    }

    /** The first 64 bits of the same digest, for in-memory duplicate detection. */
    public static long hash64(String hexHash) {
        return Long.parseUnsignedLong(hexHash, 0, 16, 16);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
