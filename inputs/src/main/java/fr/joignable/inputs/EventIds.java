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

    /**
     * A reusable hasher giving the same values as {@link #hash} and {@link #hash64} without the
     * per-call garbage (a {@code String}, its bytes, the digest array): for the millions of lines
     * of a conversion. Not thread-safe.
     */
    public static final class Hasher {
        private final MessageDigest sha = newDigest();
        private final byte[] digest = new byte[32];
        private byte[] bytes = new byte[256];
        private long last64;

        /** {@link #hash} of {@code content}; {@link #last64()} then gives its {@link #hash64}. */
        public String hash(CharSequence content) {
            int len = content.length();
            if (bytes.length < len) {
                bytes = new byte[Math.max(len, bytes.length * 2)];
            }
            boolean ascii = true;
            for (int i = 0; i < len; i++) {
                char c = content.charAt(i);
                if (c >= 0x80) {
                    ascii = false;
                    break;
                }
                bytes[i] = (byte) c;
            }
            if (ascii) {
                sha.update(bytes, 0, len);
            } else {
                sha.update(content.toString().getBytes(StandardCharsets.UTF_8));
            }
            try {
                sha.digest(digest, 0, 32);
            } catch (java.security.DigestException e) {
                throw new IllegalStateException(e);
            }
            long h = 0;
            for (int i = 0; i < 8; i++) {
                h = (h << 8) | (digest[i] & 0xff);
            }
            last64 = h;
            return HEX.formatHex(digest, 0, 16);
        }

        /** The first 64 bits of the last digest. */
        public long last64() {
            return last64;
        }
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
