package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.privacy.TenantPseudonymizer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The raw line of a rejected event keeps no tenant identifier in clear, whatever its JSON form
 * (issue 18: only {@code "tenantId":"…"} was masked, so a numeric, escaped or unparseable one
 * reached {@code rejected.jsonl} as it was).
 */
class TenantRedactionTest {

    static final TenantPseudonymizer P =
            TenantPseudonymizer.ofKey("0123456789abcdef0123".getBytes(StandardCharsets.UTF_8));

    static String redact(String line) {
        return new String(
                PseudonymizeFunction.redact(line.getBytes(StandardCharsets.UTF_8), P),
                StandardCharsets.UTF_8);
    }

    @Test
    void aNumericTenantIdIsMasked() {
        String out = redact("{\"eventId\":\"e1\",\"type\":\"CONTACT_OFFERED\",\"tenantId\":4711}");
        assertThat(out).doesNotContain("4711").contains(P.pseudonym("4711")).contains("e1");
    }

    @Test
    void aTenantIdWhoseNameIsEscapedIsMasked() {
        // "tenant\u0049d" is the field name tenantId for any JSON reader
        String out = redact("{\"type\":\"NOPE\",\"tenant\\u0049d\":\"T-98765\"}");
        assertThat(out).doesNotContain("98765").contains(P.pseudonym("T-98765"));
    }

    @Test
    void aTenantIdWithEscapesInItsValueIsMaskedAsItsDecodedValue() {
        String out = redact("{\"type\":\"NOPE\",\"tenantId\":\"T\\u002D55501\"}");
        assertThat(out).doesNotContain("55501").contains(P.pseudonym("T-55501"));
    }

    @Test
    void spacesNestingAndArraysAreMasked() {
        String out =
                redact(
                        "{ \"type\" : \"NOPE\" , \"tenantId\"\t:\n \"T-111\", \"x\": {\"tenantId\":"
                                + " 222}, \"y\": [{\"tenantId\": [\"T-333\"]}]}");
        assertThat(out).doesNotContain("111").doesNotContain("222").doesNotContain("333");
        assertThat(out).contains(P.pseudonym("T-111")).contains(P.pseudonym("222"));
    }

    @Test
    void anUnparseableLineIsMaskedToo() {
        String truncated = "{\"eventId\":\"e9\", \"tenantId\" : 8080, \"tenant\\u0049d\": \"T-42";
        String out = redact(truncated);
        assertThat(out).doesNotContain("8080").doesNotContain("T-42").contains("e9");
        String numberAtEnd = redact("{\"tenantId\":-12.5e3");
        assertThat(numberAtEnd).doesNotContain("12.5e3");
        String stringThenGarbage = redact("{\"tenantId\":\"T-7777\" oops");
        assertThat(stringThenGarbage).doesNotContain("7777").contains(P.pseudonym("T-7777"));
    }

    @Test
    void aLineWithoutTenantIsLeftAsItIs() {
        byte[] raw = "{\"eventId\":\"e1\",\"type\":\"NOPE\",  \"note\":\"tenant\"}".getBytes();
        assertThat(PseudonymizeFunction.redact(raw, P)).isSameAs(raw);
        byte[] invalid = {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        assertThat(PseudonymizeFunction.redact(invalid, P)).isSameAs(invalid);
    }

    @Test
    void nullAndAbsentTenantsStayNull() {
        assertThat(redact("{\"type\":\"NOPE\",\"tenantId\":null}")).contains("null");
    }
}
