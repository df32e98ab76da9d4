package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.targets.Status;
import fr.joignable.domain.targets.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The staffing targets read the P/T of {@code joignable.yaml} as the KPI job does ({@code
 * ServiceLevelTarget}): the same file gives the same P and T to staffing, to the KPI job's
 * thresholds and to the report's and wallboard's colours ({@code Targets.from}).
 */
class TargetsConfigServiceLevelTest {

    @TempDir Path dir;

    @Test
    void theSameFileGivesTheSamePAndTToStaffingAndTheKpiJob() throws Exception {
        Path yaml = dir.resolve("joignable.yaml");
        Files.writeString(
                yaml,
                "channels:\n  PHONE: {service_level: 90/19.5}\n"
                        + "queues:\n  TECHNIQUE: {CHAT: {service_level: 70/45s}}\n");
        TargetsConfig staffing = TargetsConfig.read(yaml);
        JoignableConfig kpi = JoignableConfig.read(yaml);

        ChannelTargets phone = staffing.of("LOYERS", Channel.PHONE);
        assertThat(phone.serviceLevelPercent()).isEqualTo(90);
        assertThat(phone.thresholdSeconds()).isEqualTo(19.5);
        assertThat(kpi.serviceLevelTarget(Channel.PHONE).orElseThrow().thresholdSeconds())
                .isEqualTo(phone.thresholdSeconds());
        assertThat(kpi.thresholds().of("LOYERS", Channel.PHONE).serviceLevelMillis())
                .isEqualTo(19_500);

        // the report's and the wallboard's colours come from the same P/T
        Targets colours = Targets.from(kpi);
        assertThat(colours.serviceLevel().status(0.90)).isEqualTo(Status.GREEN);
        assertThat(colours.serviceLevel().status(0.85)).isEqualTo(Status.AMBER);
        assertThat(colours.longestWaitS().status(19.5)).isEqualTo(Status.GREEN);
        assertThat(colours.longestWaitS().status(20.0)).isEqualTo(Status.AMBER);

        ChannelTargets chat = staffing.of("TECHNIQUE", Channel.CHAT);
        assertThat(chat.serviceLevelPercent()).isEqualTo(70);
        assertThat(chat.thresholdSeconds()).isEqualTo(45);
        assertThat(kpi.thresholds().of("TECHNIQUE", Channel.CHAT).serviceLevelMillis())
                .isEqualTo(45_000);
    }

    @Test
    void builtInTargetsAreTheConfigurationDefaults() {
        TargetsConfig staffing = TargetsConfig.defaults();
        JoignableConfig kpi = JoignableConfig.defaults();
        for (Channel c : new Channel[] {Channel.PHONE, Channel.CHAT}) {
            assertThat(staffing.of("", c).serviceLevelPercent())
                    .isEqualTo(kpi.serviceLevelTarget(c).orElseThrow().percent());
            assertThat(staffing.of("", c).thresholdSeconds())
                    .isEqualTo(kpi.serviceLevelTarget(c).orElseThrow().thresholdSeconds());
        }
        assertThat(staffing.of("", Channel.PHONE).thresholdSeconds()).isEqualTo(20);
        assertThat(staffing.of("", Channel.CHAT).thresholdSeconds()).isEqualTo(60);
    }

    @Test
    void aBadTargetIsNamedWithItsKey() throws Exception {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "channels:\n  PHONE: {service_level: 120/20}\n");
        assertThatThrownBy(() -> TargetsConfig.read(yaml))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("channels.PHONE.service_level")
                .hasMessageContaining("(0, 100]");
    }
}
