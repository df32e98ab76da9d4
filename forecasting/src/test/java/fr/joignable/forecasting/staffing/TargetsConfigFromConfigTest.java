package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TargetsConfig} is built from the one parse of {@code joignable.yaml} ({@link
 * JoignableConfig}): the same targets as before from the same file, the built-in defaults without
 * one, and errors that name the file and the key.
 */
class TargetsConfigFromConfigTest {

    @TempDir Path dir;

    @Test
    void noFileGivesTheBuiltInDefaults() {
        TargetsConfig fromConfig = TargetsConfig.from(JoignableConfig.defaults());
        TargetsConfig defaults = TargetsConfig.defaults();
        for (Channel c : Channel.values()) {
            assertThat(fromConfig.of("ANY", c)).isEqualTo(defaults.of("ANY", c));
        }
        assertThat(fromConfig.openingHours().toString())
                .isEqualTo(defaults.openingHours().toString());
        assertThat(fromConfig.closesLiveContacts()).isFalse();
        // the documented built-ins (docs/staffing.md), independent of the code's constants
        ChannelTargets phone = defaults.of("ANY", Channel.PHONE);
        assertThat(phone.serviceLevelPercent()).isEqualTo(80);
        assertThat(phone.thresholdSeconds()).isEqualTo(20);
        assertThat(phone.patienceSeconds()).isEqualTo(180);
        assertThat(defaults.of("ANY", Channel.CHAT).concurrency()).isEqualTo(2);
        assertThat(defaults.of("ANY", Channel.EMAIL).responseTargetSeconds()).isEqualTo(172_800);
    }

    @Test
    void aFileReadOnceGivesTheSameTargetsAsReadingItByName() throws Exception {
        Path yaml = dir.resolve("joignable.yaml");
        Files.writeString(
                yaml,
                String.join(
                        "\n",
                        "channels:",
                        "  PHONE: {service_level: 80/30, short_abandon: 10s, patience: none}",
                        "  CHAT: {chat_concurrency: 3}",
                        "queues:",
                        "  URGENCES: {PHONE: {service_level: 90/15, absence: 0.1}}",
                        "duplicate_window: 3d",
                        "opening_hours: {days: [MON, TUE], open: \"09:00\", close: \"17:00\"}",
                        ""));
        JoignableConfig config = JoignableConfig.read(yaml);
        TargetsConfig once = TargetsConfig.from(config);
        TargetsConfig byName = TargetsConfig.read(yaml);
        for (String queue : new String[] {"URGENCES", "LOYERS"}) {
            for (Channel c : Channel.values()) {
                assertThat(once.of(queue, c)).isEqualTo(byName.of(queue, c));
            }
        }
        ChannelTargets phone = once.of("LOYERS", Channel.PHONE);
        assertThat(phone.thresholdSeconds()).isEqualTo(30);
        assertThat(phone.patienceSeconds()).isNaN();
        ChannelTargets urgent = once.of("URGENCES", Channel.PHONE);
        assertThat(urgent.serviceLevelPercent()).isEqualTo(90);
        assertThat(urgent.thresholdSeconds()).isEqualTo(15);
        assertThat(urgent.shrinkage()).isEqualTo(0.1);
        // the queue keeps the channel's keys it does not override
        assertThat(urgent.patienceSeconds()).isNaN();
        assertThat(once.of("LOYERS", Channel.CHAT).concurrency()).isEqualTo(3);
        assertThat(once.closesLiveContacts()).isTrue();
        // Monday 5 October 2026, Paris (UTC+2): open from 09:00, not on Wednesday
        assertThat(once.openingHours().isOpen(Instant.parse("2026-10-05T07:00:00Z"))).isTrue();
        assertThat(once.openingHours().isOpen(Instant.parse("2026-10-05T06:45:00Z"))).isFalse();
        assertThat(once.openingHours().isOpen(Instant.parse("2026-10-07T08:00:00Z"))).isFalse();
        // and the KPI job's reading of the same tree agrees on T
        assertThat(config.thresholds().of("LOYERS", Channel.PHONE).serviceLevelMillis())
                .isEqualTo(30_000);
    }

    @Test
    void errorsNameTheFileAndTheKey() throws Exception {
        Path yaml = dir.resolve("targets.yaml");
        Files.writeString(yaml, "channels:\n  PHONE: {servicelevel: 80/20}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith(yaml + ": channels.PHONE.servicelevel: unknown key");
        Files.writeString(yaml, "queues:\n  Q: {PHONE: {max_occupancy: 1.5}}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .hasMessage(yaml + ": queues.Q.PHONE.max_occupancy: must be in (0, 1], got 1.5");
        Files.writeString(yaml, "opening_hours: {days: [MON], open: \"9h\"}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .hasMessageStartingWith(yaml + ": opening_hours.open: bad value '9h'");
        Files.writeString(yaml, "staffing: {}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .hasMessage(yaml + ": staffing: unknown key");
        // one parse: what the KPI job would refuse is refused here too, in its words
        Files.writeString(yaml, "channels:\n  PHONE: {short_abandon: soon}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .isInstanceOf(InputException.class)
                .hasMessageContaining(yaml + ": channels.PHONE.short_abandon")
                .hasMessageContaining("'soon' is not a duration");
        Files.writeString(yaml, "channels: [PHONE\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .hasMessageContaining("configuration file " + yaml + " is not valid YAML");
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> TargetsConfig.read(missing))
                .hasMessage("configuration file " + missing + " does not exist");
    }
}
