package fr.joignable.forecasting.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small inputs shared by the schedule's tests. */
final class ScheduleTestInputs {

    private ScheduleTestInputs() {}

    /**
     * Eight agents in one team: LOYERS, TECHNIQUE and both, in turn; every fourth at 0.8 fte, the
     * others full time. Written to {@code dir/roster.csv}.
     */
    static Path eightAgentRoster(Path dir) throws IOException {
        Path roster = dir.resolve("roster.csv");
        StringBuilder r = new StringBuilder("agent_id,team,skills,fte\n");
        String[] skills = {"LOYERS", "TECHNIQUE", "LOYERS;TECHNIQUE"};
        for (int a = 0; a < 8; a++) {
            r.append(String.format("A%02d,T0,%s,%s%n", a, skills[a % 3], a % 4 == 3 ? 0.8 : 1.0));
        }
        Files.writeString(roster, r.toString());
        return roster;
    }
}
