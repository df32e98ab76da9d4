package fr.joignable.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    @Test
    void acceptsWellFormedText() {
        assertThat(Utf8.isValid("plain ascii".getBytes(StandardCharsets.UTF_8))).isTrue();
        assertThat(Utf8.isValid("dégât des eaux — 漢字 😀".getBytes(StandardCharsets.UTF_8)))
                .isTrue();
        assertThat(Utf8.isValid(new byte[0])).isTrue();
    }

    @Test
    void rejectsWhatLenientDecodersAccept() {
        byte[][] bad = {
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // encoded surrogate
            {(byte) 0xC0, (byte) 0xAF}, // overlong '/'
            {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // overlong
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
            {(byte) 0xC3}, // truncated
            {(byte) 0xFF},
            {(byte) 0x80}
        };
        for (byte[] b : bad) {
            assertThat(Utf8.isValid(b)).isFalse();
        }
    }

    /** Property: agrees with the JDK's strict decoder on random byte strings. */
    @Test
    void agreesWithTheJdkStrictDecoder() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            byte[] b = new byte[random.nextInt(8)];
            random.nextBytes(b);
            assertThat(Utf8.isValid(b)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(jdk(b));
        }
    }

    private static boolean jdk(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
