package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void idsCarryTheSeedsTagAndEventIdsSortInEmissionOrder() {
        Identifiers ids = new Identifiers(SimulatorOptions.defaults());
        String first = ids.nextEventId();
        assertThat(first).matches("E[0-9a-f]{6}-0000000001");
        String tag = first.substring(1, 7);
        for (int i = 2; i < 12; i++) {
            String next = ids.nextEventId();
            assertThat(next).isGreaterThan(first);
            first = next;
        }
        assertThat(first).isEqualTo("E" + tag + "-0000000011");
        assertThat(ids.contactId(ids.nextContactNumber())).isEqualTo("C" + tag + "-1");
        assertThat(ids.nextHandoffId()).isEqualTo("H" + tag + "-1");
        assertThat(new Identifiers(SimulatorOptions.defaults().withSeed(2)).nextEventId())
                .doesNotStartWith("E" + tag);
    }

    @Test
    void residencesGroupSixtyConsecutiveHomesAndTenantIdsAreDistinct() {
        Identifiers ids = new Identifiers(SimulatorOptions.defaults());
        assertThat(ids.residenceId(0)).isEqualTo("RES-0001");
        assertThat(ids.residenceId(59)).isEqualTo("RES-0001");
        assertThat(ids.residenceId(60)).isEqualTo("RES-0002");
        assertThat(ids.residenceId(29_999)).isEqualTo("RES-0500");
        java.util.Set<String> tenants = new java.util.HashSet<>();
        for (int i = 0; i < 30_000; i++) {
            assertThat(ids.tenantId(i)).matches("T[0-9a-f]{10}");
            tenants.add(ids.tenantId(i));
        }
        assertThat(tenants).hasSize(30_000);
    }
}
