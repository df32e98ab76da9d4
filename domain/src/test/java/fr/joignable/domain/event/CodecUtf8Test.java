package fr.joignable.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * docs/events.md: invalid UTF-8 is "not JSON", and the codec rejects it. The jobs' {@code
 * FuzzITCase} once found two forms the codec accepted: a UTF-16 surrogate encoded in three bytes
 * (CESU-8, {@code ED A0 80}) and an overlong form ({@code C0 AF} for {@code /}); both are now
 * rejected like any other invalid byte sequence.
 */
class CodecUtf8Test {

    static byte[] offerWithQueue(byte[] queue) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                ("{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:00:00Z\","
                                + "\"contactId\":\"c1\",\"channel\":\"PHONE\",\"intent\":\"OTHER\","
                                + "\"queue\":\"")
                        .getBytes(StandardCharsets.UTF_8));
        out.writeBytes(queue);
        out.writeBytes("\"}".getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void validUtf8IsAccepted() {
        assertThat(
                        EventCodec.instance()
                                .decode(
                                        offerWithQueue(
                                                "ACCUEIL-é-☎-😀".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(Decoded.Accepted.class);
    }

    @Test
    void invalidUtf8IsRejected() {
        for (byte[] bad :
                new byte[][] {
                    {(byte) 0xC3, (byte) 0x28}, {(byte) 0xFF}, {(byte) 0xF8, (byte) 0x88}
                }) {
            assertThat(EventCodec.instance().decode(offerWithQueue(bad)))
                    .isInstanceOf(Decoded.Rejected.class);
        }
    }

    @Test
    void anEncodedSurrogateOrAnOverlongFormIsNotUtf8() {
        for (byte[] bad :
                new byte[][] {
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}
                }) {
            assertThat(EventCodec.instance().decode(offerWithQueue(bad)))
                    .isInstanceOf(Decoded.Rejected.class);
        }
    }
}
