package fr.joignable.jobs.model;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A rejected or late input line as written to {@code rejected.jsonl} / {@code late.jsonl} and the
 * rejected-events topic: {@code {"reason":…,"source":…,"lineNumber":…,"line":"<text>"}}, or {@code
 * "lineBase64"} instead of {@code "line"} when the bytes are not valid UTF-8.
 */
public class Problem {
    private static final JsonFactory JSON = new JsonFactory();

    public String reason;
    public String source;
    public long lineNumber;
    public byte[] raw;

    public Problem() {}

    public static Problem of(String reason, JobEvent ev) {
        Problem p = new Problem();
        p.reason = reason;
        p.source = ev.source;
        p.lineNumber = ev.line;
        p.raw = ev.raw == null ? new byte[0] : ev.raw;
        return p;
    }

    /** One JSON object, no line terminator. */
    public String toJson() {
        StringWriter out = new StringWriter(64 + raw.length);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("reason", reason);
            if (source != null) {
                g.writeStringField("source", source);
            }
            if (lineNumber > 0) {
                g.writeNumberField("lineNumber", lineNumber);
            }
            String text = utf8(raw);
            if (text != null) {
                g.writeStringField("line", text);
            } else {
                g.writeStringField("lineBase64", Base64.getEncoder().encodeToString(raw));
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
