package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccessTokenTest {

    @Test
    void matchesOnlyTheToken() {
        AccessToken token = AccessToken.of("  s3cret-token-0123456789\n");
        assertThat(token.matches("s3cret-token-0123456789")).isTrue();
        assertThat(token.matches("s3cret-token-012345678")).isFalse();
        assertThat(token.matches("s3cret-token-01234567890")).isFalse();
        assertThat(token.matches("")).isFalse();
        assertThat(token.matches(null)).isFalse();
        assertThat(token.toString()).doesNotContain("s3cret");
    }

    @Test
    void theCookieCarriesADerivedValueNotTheToken() {
        AccessToken token = AccessToken.of("s3cret-token-0123456789");
        assertThat(token.cookieValue()).doesNotContain("s3cret").matches("[0-9a-f]{64}");
        assertThat(token.matchesCookie(token.cookieValue())).isTrue();
        assertThat(token.matchesCookie("s3cret-token-0123456789")).isFalse();
        assertThat(AccessToken.of("another-token-0123456789").matchesCookie(token.cookieValue()))
                .isFalse();
    }

    @Test
    void shortOrOddTokensAreRefused() {
        assertThatThrownBy(() -> AccessToken.of("short"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 16");
        assertThatThrownBy(() -> AccessToken.of("has a space in the middle"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccessToken.of("semi;colon-0123456789"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
