package fr.joignable.domain.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.io.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TenantPseudonymizerTest {

    private static final byte[] KEY = "0123456789abcdef-secret".getBytes(StandardCharsets.UTF_8);

    /**
     * Expected value computed independently with Python: {@code
     * hmac.new(b"0123456789abcdef-secret", b"T000123", hashlib.sha256).hexdigest()[:32]}.
     */
    @Test
    void matchesAnIndependentHmac() {
        TenantPseudonymizer p = TenantPseudonymizer.ofKey(KEY);
        assertThat(p.pseudonym("T000123")).isEqualTo("p:" + PythonOracle.HMAC_T000123);
    }

    @Test
    void isStableAndKeyed() {
        TenantPseudonymizer a = TenantPseudonymizer.ofKey(KEY);
        TenantPseudonymizer b =
                TenantPseudonymizer.ofKey(
                        "another-key-of-16+bytes".getBytes(StandardCharsets.UTF_8));
        assertThat(a.pseudonym("T1")).isEqualTo(a.pseudonym("T1"));
        assertThat(a.pseudonym("T1")).isNotEqualTo(a.pseudonym("T2"));
        assertThat(a.pseudonym("T1")).isNotEqualTo(b.pseudonym("T1"));
        assertThat(a.toString()).doesNotContain("secret");
    }

    @Test
    void replacesOnlyTheTenantOfOffers() {
        TenantPseudonymizer p = TenantPseudonymizer.ofKey(KEY);
        ContactOffered offered =
                ContactOffered.of(
                        "e1",
                        Instant.parse("2026-10-05T08:00:00Z"),
                        "c1",
                        Channel.PHONE,
                        "LOYERS",
                        "RENT_RECEIPT",
                        3,
                        "T000123",
                        "R1");
        ContactOffered out = (ContactOffered) p.apply(offered);
        assertThat(out.tenantId()).isEqualTo(p.pseudonym("T000123"));
        assertThat(out.withTenantId("T000123")).isEqualTo(offered);
        ContactOffered anonymous = offered.withTenantId(null);
        assertThat(p.apply(anonymous)).isSameAs(anonymous);
    }

    @Test
    void readsTheKeyFromAFileOrTheEnvironment(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("key");
        Files.write(file, "0123456789abcdef-secret\n".getBytes(StandardCharsets.UTF_8));
        assertThat(TenantPseudonymizer.fromFile(file).pseudonym("T000123"))
                .isEqualTo(TenantPseudonymizer.ofKey(KEY).pseudonym("T000123"));
        assertThat(
                        TenantPseudonymizer.fromEnvironment(
                                        Map.of(
                                                TenantPseudonymizer.KEY_ENV,
                                                "0123456789abcdef-secret"))
                                .pseudonym("T000123"))
                .isEqualTo(TenantPseudonymizer.ofKey(KEY).pseudonym("T000123"));
        assertThatThrownBy(() -> TenantPseudonymizer.fromEnvironment(Map.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(TenantPseudonymizer.KEY_ENV);
        assertThatThrownBy(() -> TenantPseudonymizer.ofKey(new byte[4]))
                .isInstanceOf(InputException.class);
    }

    /** Values computed outside Java. */
    static final class PythonOracle {
        static final String HMAC_T000123 = "d5747d42afeb32a7c42a2bddc01f4211";
    }
}
