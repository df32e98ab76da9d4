package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RequiredAgentsTest {

    @Test
    void textbookExampleNeedsFourteenAgents() {
        // A = 10, AHT 180 s, 80/20: 13 agents give 0.7956, 14 give 0.8884 (oracle values in
        // ErlangModelsTest) -> 14
        QueueMetrics m =
                RequiredAgents.solve(
                        ErlangC.of(10, 180), StaffingTargets.none().withServiceLevel(80, 20));
        assertThat(m.agents()).isEqualTo(14);
    }

    @Test
    void theFoundStaffingIsMinimalAndMeetsEveryTarget() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 400; i++) {
            double a = 0.05 + random.nextDouble() * 80;
            double aht = 60 + random.nextDouble() * 600;
            StaffingTargets targets =
                    StaffingTargets.none()
                            .withServiceLevel(50 + random.nextDouble() * 49, random.nextInt(90));
            if (random.nextBoolean()) {
                targets = targets.withMaxOccupancy(0.6 + random.nextDouble() * 0.4);
            }
            if (random.nextInt(3) == 0) {
                targets = targets.withMaxAsa(5 + random.nextDouble() * 60);
            }
            QueueModel model =
                    random.nextInt(3) == 0
                            ? ErlangA.of(a, aht, 30 + random.nextDouble() * 400)
                            : ErlangC.of(a, aht);
            QueueMetrics found = RequiredAgents.solve(model, targets);
            assertThat(targets.isMetBy(found)).as("%s %s", model, targets).isTrue();
            assertThat(found.agents())
                    .as("%s %s", model, targets)
                    .isEqualTo(RequiredAgents.solveByScan(model, targets).agents());
            if (found.agents() > model.minimumAgents()) {
                QueueMetrics fewer = model.evaluate(found.agents() - 1, targets.thresholdSeconds());
                assertThat(targets.isMetBy(fewer)).as("N-1 for %s %s", model, targets).isFalse();
            }
            targets.maxOccupancy()
                    .ifPresent(
                            max -> assertThat(found.occupancy()).isLessThanOrEqualTo(max + 1e-9));
        }
    }

    @Test
    void serviceLevelRisesAndWaitFallsWithAgents() {
        for (QueueModel model :
                new QueueModel[] {ErlangC.of(23.7, 240), ErlangA.of(23.7, 240, 150)}) {
            QueueMetrics previous = model.evaluate(model.minimumAgents(), 20);
            for (int n = model.minimumAgents() + 1; n < 60; n++) {
                QueueMetrics m = model.evaluate(n, 20);
                assertThat(m.serviceLevel()).isGreaterThanOrEqualTo(previous.serviceLevel());
                assertThat(m.probWait()).isLessThanOrEqualTo(previous.probWait());
                assertThat(m.asaSeconds()).isLessThanOrEqualTo(previous.asaSeconds());
                assertThat(m.occupancy()).isLessThanOrEqualTo(previous.occupancy());
                previous = m;
            }
        }
    }

    @Test
    void hugeTrafficIsSolvedQuickly() {
        QueueMetrics m =
                RequiredAgents.solve(
                        ErlangC.of(20000, 240), StaffingTargets.none().withServiceLevel(80, 20));
        assertThat(m.agents()).isBetween(20000, 20100);
        assertThat(ErlangC.of(20000, 240).evaluate(m.agents() - 1, 20).serviceLevel())
                .isLessThan(0.8);
    }
}
