package fr.joignable.jobs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks every {@code tenantId} of a raw input line (RGPD: a rejected or late line is written out as
 * it came, and must not carry a tenant identifier in clear).
 *
 * <p>A line that is valid JSON is rewritten token by token with Jackson's streaming API: the value
 * of every field named {@code tenantId} (as any JSON reader decodes the name, escapes included), at
 * any depth, becomes the pseudonym of its text — a string's decoded value, a number's or a
 * boolean's literal, an object's or array's compact JSON; {@code null} stays null. A line that is
 * not valid JSON (truncated, invalid UTF-8, garbage) is scanned for {@code "name" :} pairs instead,
 * each name decoded, and the value after a {@code tenantId} name (a string, possibly unterminated,
 * or any bare literal) replaced. A line with no tenant field is returned as it is.
 */
final class TenantRedaction {

    static final String FIELD = "tenantId";

    private static final JsonFactory JSON =
            JsonFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    /** A JSON string followed by a colon: a field name; group 1 is its escaped text. */
    private static final Pattern NAME = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"\\s*:\\s*");

    /** A string value, possibly unterminated (the line ends inside it). */
    private static final Pattern STRING_VALUE = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)(\"|$)");

    /** Any other value: everything up to a separator. */
    private static final Pattern BARE_VALUE = Pattern.compile("[^,}\\]\\s]+");

    private TenantRedaction() {}

    /**
     * The line with every tenant identifier replaced by {@code pseudonym(id)}; {@code raw} if none.
     */
    static byte[] redact(byte[] raw, UnaryOperator<String> pseudonym) {
        if (raw == null || !mayHoldTenant(raw)) {
            return raw;
        }
        try {
            byte[] out = rewriteJson(raw, pseudonym);
            return out == null ? raw : out;
        } catch (IOException | RuntimeException notJson) {
            return rewriteText(raw, pseudonym);
        }
    }

    /** A name can spell tenantId only literally or with escapes: a cheap test before parsing. */
    private static boolean mayHoldTenant(byte[] raw) {
        byte[] name = FIELD.getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\\') {
                return true;
            }
            if (i + name.length <= raw.length) {
                for (int j = 0; j < name.length; j++) {
                    if (raw[i + j] != name[j]) {
                        continue outer;
                    }
                }
                return true;
            }
        }
        return false;
    }

    /** Token-by-token copy with the tenant values replaced; null when the line had none. */
    private static byte[] rewriteJson(byte[] raw, UnaryOperator<String> pseudonym)
            throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length + 64);
        boolean found = false;
        try (JsonParser in = JSON.createParser(raw);
                JsonGenerator out = JSON.createGenerator(bytes)) {
            JsonToken t;
            while ((t = in.nextToken()) != null) {
                if (t == JsonToken.FIELD_NAME && FIELD.equals(in.currentName())) {
                    found = true;
                    out.writeFieldName(FIELD);
                    JsonToken value = in.nextToken();
                    if (value == null) {
                        throw new IOException("truncated");
                    }
                    if (value == JsonToken.VALUE_NULL) {
                        out.writeNull();
                    } else if (value.isStructStart()) {
                        out.writeString(
                                pseudonym.apply(MAPPER.writeValueAsString(in.readValueAsTree())));
                    } else {
                        out.writeString(pseudonym.apply(in.getText()));
                    }
                } else {
                    out.copyCurrentEvent(in);
                }
            }
        }
        return found ? bytes.toByteArray() : null;
    }

    /** The fallback for a line that is not valid JSON; {@code raw} when no tenant name is seen. */
    private static byte[] rewriteText(byte[] raw, UnaryOperator<String> pseudonym) {
        String text = decodeLenient(raw);
        Matcher name = NAME.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 64);
        int copied = 0;
        int from = 0;
        boolean found = false;
        while (name.find(from)) {
            from = name.end();
            if (!FIELD.equals(unescape(name.group(1)))) {
                continue;
            }
            Matcher string = STRING_VALUE.matcher(text).region(from, text.length());
            Matcher bare = BARE_VALUE.matcher(text).region(from, text.length());
            String id;
            int end;
            if (string.lookingAt()) {
                id = unescape(string.group(1));
                end = string.end();
            } else if (bare.lookingAt()) {
                id = bare.group();
                end = bare.end();
            } else {
                continue;
            }
            found = true;
            out.append(text, copied, from);
            out.append(id.equals("null") ? "null" : quote(pseudonym.apply(id)));
            copied = end;
            from = end;
        }
        if (!found) {
            return raw;
        }
        out.append(text, copied, text.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String decodeLenient(byte[] raw) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    /** JSON string escapes decoded; a malformed escape is kept as it is. */
    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                b.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'u' -> {
                    if (isHex(s, i + 1, i + 5)) {
                        b.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        b.append("\\u");
                    }
                }
                default -> b.append(e);
            }
        }
        return b.toString();
    }

    private static boolean isHex(String s, int from, int to) {
        if (to > s.length()) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static String quote(String s) {
        try {
            return MAPPER.writeValueAsString(s);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
