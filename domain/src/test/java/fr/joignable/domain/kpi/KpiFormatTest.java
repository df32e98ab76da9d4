package fr.joignable.domain.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KpiFormatTest {

    @Test
    void plainDecimals() {
        assertThat(KpiFormat.decimal((Double) null)).isEmpty();
        assertThat(KpiFormat.decimal(Double.NaN)).isEmpty();
        assertThat(KpiFormat.decimal(0.0)).isEqualTo("0");
        assertThat(KpiFormat.decimal(12.0)).isEqualTo("12");
        assertThat(KpiFormat.decimal(0.8)).isEqualTo("0.8");
        assertThat(KpiFormat.decimal(1e-7)).isEqualTo("0.0000001");
        assertThat(KpiFormat.decimal(123456789.25)).isEqualTo("123456789.25");
        assertThat(KpiFormat.decimal(2.0 / 3)).isEqualTo("0.6666666666666666");
    }

    @Test
    void csvQuoting() {
        assertThat(KpiFormat.csvLine(List.of("a", "b,c", "d\"e", "")))
                .isEqualTo("a,\"b,c\",\"d\"\"e\",");
    }
}
