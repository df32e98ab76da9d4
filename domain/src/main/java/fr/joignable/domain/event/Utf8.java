package fr.joignable.domain.event;

/**
 * Strict UTF-8 validation (RFC 3629): rejects overlong forms, encoded surrogates (U+D800–U+DFFF),
 * code points above U+10FFFF and truncated sequences, which lenient decoders let through.
 */
final class Utf8 {

    private Utf8() {}

    /** True when {@code bytes} is well-formed UTF-8. */
    static boolean isValid(byte[] bytes) {
        int i = 0;
        int n = bytes.length;
        while (i < n) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            int length;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                length = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                length = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                length = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + length > n) {
                return false;
            }
            int cp = b & (0xFF >> (length + 1));
            for (int k = 1; k < length; k++) {
                int c = bytes[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += length;
        }
        return true;
    }
}
