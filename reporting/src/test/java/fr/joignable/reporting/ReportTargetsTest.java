package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.reporting.ReportModel.Kpi;
import fr.joignable.reporting.ReportModel.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's targets come from joignable.yaml, as the wallboard's and the staffing plan's do. */
class ReportTargetsTest {

    @Test
    void thresholdsAreShownAsAPlannerWritesThem() {
        assertThat(ReportTargets.shown(20_000)).isEqualTo("20 s");
        assertThat(ReportTargets.shown(90_000)).isEqualTo("90 s");
        assertThat(ReportTargets.shown(120_000)).isEqualTo("120 s");
        assertThat(ReportTargets.shown(5_400_000)).isEqualTo("90 min");
        assertThat(ReportTargets.shown(172_800_000L)).isEqualTo("48 h");
        assertThat(ReportTargets.shown(1_500)).isEqualTo("1500 ms");
    }

    @Test
    void theDefaultsAreTheContractsThresholds() {
        assertThat(ReportTargets.DEFAULTS.phoneThreshold()).isEqualTo("20 s");
        assertThat(ReportTargets.DEFAULTS.chatThreshold()).isEqualTo("60 s");
        assertThat(ReportTargets.DEFAULTS.writtenThreshold()).isEqualTo("48 h");
        assertThat(ReportTargets.DEFAULTS.slGreen()).isEqualTo(0.80);
    }

    @Test
    void thePhoneTargetOfJoignableYamlChangesTheTileAndItsColour(@TempDir Path dir)
            throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("joignable.yaml"),
                        "channels:\n  PHONE: {service_level: 90/30}\n  EMAIL: {response_target: 24h}\n");
        ReportTargets centre = ReportTargets.from(JoignableConfig.read(file));
        assertThat(centre.phoneThreshold()).isEqualTo("30 s");
        assertThat(centre.writtenThreshold()).isEqualTo("24 h");

        // a phone service level of 85 %: green against 80/20, amber against 90/30 (amber from 80)
        Map<String, Map<String, Object>> ch = Map.of("PHONE", Map.of("service_level", 0.85));
        Kpi byDefault = phoneTile(ReportTargets.DEFAULTS, ch);
        Kpi byCentre = phoneTile(centre, ch);
        assertThat(byDefault.status()).isEqualTo(Status.GREEN);
        assertThat(byDefault.target()).contains("20 s");
        assertThat(byCentre.status()).isEqualTo(Status.AMBER);
        assertThat(byCentre.target()).contains("30 s").contains("90");
    }

    @Test
    void theChatIsJudgedByItsOwnTarget(@TempDir Path dir) throws Exception {
        Path file =
                Files.writeString(
                        dir.resolve("joignable.yaml"),
                        "channels:\n  CHAT: {service_level: 90/60}\n");
        ReportTargets centre = ReportTargets.from(JoignableConfig.read(file));
        // 85 % on both channels: the phone (80/20 built in) green, the chat (90/60) amber
        Map<String, Map<String, Object>> ch =
                Map.of(
                        "PHONE", Map.of("service_level", 0.85),
                        "CHAT", Map.of("service_level", 0.85));
        List<Kpi> tiles = tiles(centre, ch);
        Kpi phone = tile(tiles, "kpi.phone_sl");
        Kpi chat = tile(tiles, "kpi.chat_sl");
        assertThat(phone.status()).isEqualTo(Status.GREEN);
        assertThat(phone.target()).contains("80").contains("20 s");
        assertThat(chat.status()).isEqualTo(Status.AMBER);
        assertThat(chat.target()).contains("90").contains("60 s");
    }

    private static List<Kpi> tiles(ReportTargets targets, Map<String, Map<String, Object>> ch) {
        return new KpiTiles(new Messages(Messages.Lang.EN), new Formats(Messages.Lang.EN), targets)
                .tiles(Map.of(), Map.of(), ch, Map.of(), null, Map.of(), null, null);
    }

    private static Kpi tile(List<Kpi> tiles, String key) {
        return tiles.stream().filter(k -> k.key().equals(key)).findFirst().orElseThrow();
    }

    private static Kpi phoneTile(ReportTargets targets, Map<String, Map<String, Object>> ch) {
        List<Kpi> tiles =
                new KpiTiles(new Messages(Messages.Lang.EN), new Formats(Messages.Lang.EN), targets)
                        .tiles(Map.of(), Map.of(), ch, Map.of(), null, Map.of(), null, null);
        return tiles.stream().filter(k -> k.key().equals("kpi.phone_sl")).findFirst().orElseThrow();
    }
}
