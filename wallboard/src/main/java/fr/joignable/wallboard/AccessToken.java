package fr.joignable.wallboard;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The wallboard's access token. Candidates are compared in constant time ({@link
 * MessageDigest#isEqual} on SHA-256 digests, so neither the content nor the length leaks through
 * timing). The browser keeps not the token but a value derived from it ({@link #cookieValue()}).
 */
public final class AccessToken {

    /** Shorter tokens are refused. */
    public static final int MIN_LENGTH = 16;

    private final byte[] tokenDigest;
    private final String cookieValue;
    private final byte[] cookieDigest;

    private AccessToken(String token) {
        this.tokenDigest = sha256(token);
        this.cookieValue = HexFormat.of().formatHex(sha256("joignable-wallboard-cookie:" + token));
        this.cookieDigest = sha256(cookieValue);
    }

    /**
     * A token from its text, surrounding white space removed; {@link IllegalArgumentException} when
     * shorter than {@link #MIN_LENGTH} characters or holding white space or control characters.
     */
    public static AccessToken of(String text) {
        String token = Objects.requireNonNull(text, "token").strip();
        if (token.length() < MIN_LENGTH) {
            throw new IllegalArgumentException(
                    "the access token must have at least " + MIN_LENGTH + " characters");
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c == 0x7f || c == ';' || c == ',') {
                throw new IllegalArgumentException(
                        "the access token must not hold spaces, control characters, ';' or ','");
            }
        }
        return new AccessToken(token);
    }

    /** Whether {@code candidate} is the token (constant time). */
    public boolean matches(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(candidate), tokenDigest);
    }

    /** Whether {@code candidate} is the cookie value derived from the token (constant time). */
    public boolean matchesCookie(String candidate) {
        return candidate != null && MessageDigest.isEqual(sha256(candidate), cookieDigest);
    }

    /** The value the session cookie carries. */
    public String cookieValue() {
        return cookieValue;
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    @Override
    public String toString() {
        return "AccessToken[****]";
    }
}
