package fr.joignable.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.table.WhatIfTable;
import fr.joignable.reporting.ReportModel.DataTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WhatIfSectionTest {

    @TempDir Path dir;

    @Test
    void showsTodaysAgentsBesideThePlanPerQueueAndHour() throws Exception {
        // Monday 5 October 2026, 09:00 and 09:15 Paris (07:00, 07:15 UTC)
        Files.writeString(
                dir.resolve(WhatIfTable.FILE_NAME),
                WhatIfTable.HEADER
                        + "\n"
                        + "2026-10-05T07:00:00Z,LOYERS,PHONE,30,0.6,0.1,40,0.9,0.05,5\n"
                        + "2026-10-05T07:15:00Z,LOYERS,PHONE,10,1.0,0,2,0.5,0.01,5\n"
                        + "2026-10-05T07:00:00Z,LOYERS,CHAT,4,0.75,0,10,0.5,,5\n");
        Files.writeString(
                dir.resolve("staffing.csv"),
                "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,"
                        + "service_level,occupancy,asa_s\n"
                        + "2026-10-05T07:00:00Z,LOYERS,PHONE,20,240,6,7,0.8,0.7,10\n"
                        + "2026-10-05T07:15:00Z,LOYERS,PHONE,20,240,6,7,0.9,0.7,10\n"
                        + "2026-10-05T07:00:00Z,LOYERS,CHAT,4,300,1,1,0.95,0.5,5\n"
                        + "2026-10-05T07:00:00Z,LOYERS,EMAIL,5,300,1,1,0.9,0.85,3600\n");
        try (Tables t = Tables.open(dir)) {
            List<DataTable> out =
                    new WhatIfSection(new QueryRunner(t), new Messages(Messages.Lang.EN))
                            .tables(YearMonth.of(2026, 9));
            assertThat(out)
                    .extracting(DataTable::id)
                    .containsExactly("whatif_queues", "whatif_hours");
            List<List<Object>> queues = out.get(0).rows();
            // phone first: offered 40; plan (0.8·20 + 0.9·20)/40 = 0.85; today (0.6·30 + 1·10)/40
            // = 0.7; abandons (0.1·30)/40 = 0.075
            assertThat(queues.get(0).subList(0, 2)).containsExactly("LOYERS", "Phone");
            assertThat(((Number) queues.get(0).get(2)).doubleValue()).isCloseTo(40, within(1e-9));
            assertThat(((Number) queues.get(0).get(3)).doubleValue()).isCloseTo(0.85, within(1e-9));
            assertThat(((Number) queues.get(0).get(4)).doubleValue()).isCloseTo(0.7, within(1e-9));
            assertThat(((Number) queues.get(0).get(5)).doubleValue())
                    .isCloseTo(0.075, within(1e-9));
            assertThat(queues.get(1).subList(0, 2)).containsExactly("LOYERS", "Chat");
            // Monday 9 h, phone: 40 simulated calls (>= 20)
            List<List<Object>> hours = out.get(1).rows();
            assertThat(hours).hasSize(1);
            assertThat(hours.get(0).get(0)).isEqualTo("Mon");
            assertThat(((Number) hours.get(0).get(1)).longValue()).isEqualTo(9);
            assertThat(((Number) hours.get(0).get(3)).doubleValue()).isCloseTo(0.7, within(1e-9));
            assertThat(hours.get(0).get(4)).isEqualTo("LOYERS");
        }
    }

    @Test
    void noWhatIfFileNoSection() throws Exception {
        Files.writeString(
                dir.resolve("staffing.csv"),
                "interval_start,queue,channel,offered,aht_s,agents,scheduled_agents,"
                        + "service_level,occupancy,asa_s\n"
                        + "2026-10-05T07:00:00Z,LOYERS,PHONE,20,240,6,7,0.8,0.7,10\n");
        try (Tables t = Tables.open(dir)) {
            assertThat(
                            new WhatIfSection(new QueryRunner(t), new Messages(Messages.Lang.EN))
                                    .tables(YearMonth.of(2026, 9)))
                    .isEmpty();
        }
    }
}
