package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastReaderTest {

    @TempDir Path dir;

    @Test
    void readsQuotedQueueNamesAndIgnoresExtraColumns() throws Exception {
        Path f = dir.resolve("fc.csv");
        Files.writeString(
                f,
                "interval_start,queue,channel,offered,aht_s,p10,p50,p90\n"
                        + "2026-10-05T08:00:00Z,\"Loyers, charges\",PHONE,10.5,240,7,10,14.25\n");
        List<StaffingPlan.ForecastRow> rows = ForecastReader.read(f, "offered");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).queue()).isEqualTo("Loyers, charges");
        assertThat(rows.get(0).offered()).isEqualTo(10.5);
        assertThat(ForecastReader.read(f, "p90").get(0).offered()).isEqualTo(14.25);
    }

    @Test
    void namesTheMissingColumn() throws Exception {
        Path f = dir.resolve("fc.csv");
        Files.writeString(
                f,
                "interval_start,queue,channel,offered,aht_s\n2026-10-05T08:00:00Z,q,PHONE,1,2\n");
        assertThatThrownBy(() -> ForecastReader.read(f, "p90"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no column p90");
    }

    @Test
    void namesTheBadField() throws Exception {
        Path f = dir.resolve("fc.csv");
        Files.writeString(
                f, "interval_start,queue,channel,offered,aht_s\n2026-10-05T08:00:00Z,q,FAX,1,2\n");
        assertThatThrownBy(() -> ForecastReader.read(f, "offered"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("line 2: field channel: 'FAX'");
    }

    @Test
    void poolsAreTheConnectedComponentsOfTheSkills() {
        StaffRoster roster =
                new StaffRoster(
                        List.of(
                                new StaffRoster.Agent("A1", "T", List.of("a", "b"), 1),
                                new StaffRoster.Agent("A2", "T", List.of("b", "c"), 1),
                                new StaffRoster.Agent("A3", "T", List.of("d"), 1)));
        Pools pools = Pools.fromRoster(roster, List.of("a", "b", "c", "d", "e"));
        assertThat(pools.pools())
                .extracting(Pools.Pool::queues)
                .containsExactly(List.of("a", "b", "c"), List.of("d"), List.of("e"));
        assertThat(pools.of("c")).isSameAs(pools.of("a"));
    }
}
