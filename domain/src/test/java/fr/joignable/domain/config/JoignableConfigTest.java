package fr.joignable.domain.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.ChannelThresholds;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoignableConfigTest {

    private static JoignableConfig config(Path dir, String yaml) throws IOException {
        return JoignableConfig.read(Files.writeString(dir.resolve("joignable.yaml"), yaml));
    }

    @Test
    void withoutAFileTheKpiDefaultsApply() {
        ChannelThresholds t = JoignableConfig.defaults().thresholds();
        assertThat(t.of("LOYERS", Channel.PHONE))
                .isEqualTo(new ChannelThresholds.Threshold(20_000, 5_000));
        assertThat(t.of("LOYERS", Channel.CHAT))
                .isEqualTo(new ChannelThresholds.Threshold(60_000, 5_000));
        assertThat(t.of("LOYERS", Channel.EMAIL))
                .isEqualTo(new ChannelThresholds.Threshold(172_800_000, 0));
        assertThat(t.duplicateWindowMillis()).isEqualTo(604_800_000L);
        assertThat(JoignableConfig.defaults().serviceLevelTarget(Channel.PHONE))
                .contains(ServiceLevelTarget.parse("80/20"));
        assertThat(JoignableConfig.defaults().serviceLevelTarget(Channel.EMAIL)).isEmpty();
    }

    @Test
    void thePhoneTargetsThresholdIsTheMeasuredThreshold(@TempDir Path dir) throws IOException {
        JoignableConfig c =
                config(
                        dir,
                        """
                        channels:
                          PHONE: {service_level: 80/30, short_abandon: 10s, max_occupancy: 0.85}
                          EMAIL: {response_target: 24h}
                        queues:
                          TECHNIQUE:
                            PHONE: {service_level: 90/15}
                        duplicate_window: 3d
                        opening_hours: {open: "08:30"}
                        """);
        ChannelThresholds t = c.thresholds();
        assertThat(t.of("LOYERS", Channel.PHONE))
                .isEqualTo(new ChannelThresholds.Threshold(30_000, 10_000));
        // the queue overrides the threshold, and inherits the channel's short-abandon threshold
        assertThat(t.of("TECHNIQUE", Channel.PHONE))
                .isEqualTo(new ChannelThresholds.Threshold(15_000, 10_000));
        assertThat(t.of("LOYERS", Channel.EMAIL))
                .isEqualTo(new ChannelThresholds.Threshold(86_400_000, 0));
        assertThat(t.of("LOYERS", Channel.CHAT))
                .isEqualTo(new ChannelThresholds.Threshold(60_000, 5_000));
        assertThat(t.duplicateWindowMillis()).isEqualTo(3 * 86_400_000L);
        assertThat(c.serviceLevelTarget(Channel.PHONE)).contains(ServiceLevelTarget.parse("80/30"));
        assertThat(c.tree().path("opening_hours").path("open").asText()).isEqualTo("08:30");
    }

    @Test
    void faultsNameTheFileAndTheKey(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> config(dir, "channels:\n  PHONE: {service_level: 80-20}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("joignable.yaml")
                .hasMessageContaining("channels.PHONE.service_level");
        assertThatThrownBy(() -> config(dir, "channels:\n  FAX: {service_level: 80/20}\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unknown channel 'FAX'");
        assertThatThrownBy(() -> config(dir, "duplicate_window: soon\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("duplicate_window");
        assertThatThrownBy(() -> config(dir, "channels: [1, 2\n"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> JoignableConfig.read(dir.resolve("missing.yaml")))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void theSearchPathPrefersTheOptionThenTheEnvironmentThenTheFolders(@TempDir Path dir)
            throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Path user = Files.createDirectories(dir.resolve("user"));
        Path explicit = dir.resolve("mine.yaml");
        assertThat(JoignableConfig.locate(explicit, "/etc/j.yaml", work, user)).contains(explicit);
        assertThat(JoignableConfig.locate(null, "/etc/j.yaml", work, user))
                .contains(Path.of("/etc/j.yaml"));
        assertThat(JoignableConfig.locate(null, null, work, user)).isEmpty();
        Files.writeString(user.resolve("joignable.yaml"), "{}");
        assertThat(JoignableConfig.locate(null, null, work, user))
                .contains(user.resolve("joignable.yaml"));
        Files.writeString(work.resolve("joignable.yaml"), "{}");
        assertThat(JoignableConfig.locate(null, "", work, user))
                .contains(work.resolve("joignable.yaml"));
    }
}
