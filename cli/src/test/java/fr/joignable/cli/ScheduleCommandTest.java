package fr.joignable.cli;

import static fr.joignable.cli.JoignableCliTest.run;
import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.cli.JoignableCliTest.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usage and input errors of {@code joignable schedule} (the solve itself: ScheduleHardRulesTest).
 */
class ScheduleCommandTest {

    @TempDir Path dir;

    private Path write(String name, String content) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, content);
        return path;
    }

    private Run schedule(String... extra) throws IOException {
        Path roster = write("roster.csv", "agent_id,team,skills,fte\nx,T,LOYERS,1\n");
        Path staffing =
                write(
                        "staffing.csv",
                        "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents\n"
                                + "2026-10-05T07:00:00Z,LOYERS,PHONE,8,240,1,1\n");
        String[] base = {
            "schedule",
            "--roster",
            roster.toString(),
            "--staffing",
            staffing.toString(),
            "--out",
            dir.resolve("schedule.csv").toString()
        };
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return run(all);
    }

    @Test
    void aTimeLimitOfZeroIsAUsageError() throws IOException {
        Run run = schedule("--time-limit", "0");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--time-limit must be positive");
        assertThat(dir.resolve("schedule.csv")).doesNotExist();
    }

    @Test
    void anUnknownRuleIsAnInputErrorNamingTheKey() throws IOException {
        Path rules = write("rules.yaml", "shifts:\n  lenghts: [4h]\n");
        Run run = schedule("--rules", rules.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("unknown key 'shifts.lenghts'");
        assertThat(run.err().lines().count()).isEqualTo(1);
        assertThat(dir.resolve("schedule.csv")).doesNotExist();
    }
}
