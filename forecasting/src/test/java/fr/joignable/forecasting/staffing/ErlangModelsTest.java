package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Erlang B, C and A against independent values. "Oracle" values come from {@code
 * forecasting/src/test/python/erlang_oracle.py}: exact integer/rational arithmetic on the
 * definitions (Erlang B/C), and the birth–death chain plus uniformization of a tagged caller
 * (Erlang A) — none of the recursions or identities of the Java code.
 */
class ErlangModelsTest {

    /** Relative tolerance on Erlang B/C (double arithmetic against exact values). */
    private static final double REL = 1e-10;

    /** Absolute tolerance on Erlang A (the oracle's uniformization is double precision). */
    private static final double ERLANG_A_ABS = 1e-8;

    @Test
    void erlangBMatchesThePublishedTable() {
        // Erlang B table (e.g. ITU-T Teletraffic Engineering Handbook, table of the Erlang loss
        // function): N = 10, A = 5 erlangs -> 0.01838 (5 digits published).
        assertThat(ErlangB.blocking(10, 5)).isCloseTo(0.01838, within(5e-6));
        // oracle: 1.838457033664813E-2
        assertThat(ErlangB.blocking(10, 5)).isCloseTo(1.838457033664813E-2, within(1.8e-12));
    }

    @Test
    void erlangBIsExactForTinyAndHugeTraffic() {
        // oracle (exact): ln B values
        assertThat(ErlangB.logBlocking(1, 0.01)).isCloseTo(-4.615120516841259, within(1e-12));
        // B = 1.06e-358 and 1.26e-775: below the smallest double, exact as logarithms
        assertThat(ErlangB.logBlocking(100, 0.01)).isCloseTo(-824.266394154372627, within(1e-9));
        assertThat(ErlangB.logBlocking(200, 0.01)).isCloseTo(-1784.276024390023747, within(1e-9));
        assertThat(ErlangB.logBlocking(20000, 20000)).isCloseTo(-5.181293479663720, within(1e-9));
        assertThat(ErlangB.logBlocking(20500, 20000)).isCloseTo(-12.081379525950859, within(1e-9));
        assertThat(ErlangB.logBlocking(19000, 20000)).isCloseTo(-2.977592470514810, within(1e-9));
        assertThat(ErlangB.logBlocking(21500, 20000)).isCloseTo(-60.801070478193135, within(1e-9));
    }

    @Test
    void erlangBStepsAgreeWithTheFullRecursion() {
        double a = 37.3;
        double logB = ErlangB.logBlocking(40, a);
        assertThat(ErlangB.logStepUp(40, a, logB))
                .isCloseTo(ErlangB.logBlocking(41, a), within(1e-12));
        assertThat(ErlangB.logStepDown(40, a, logB))
                .isCloseTo(ErlangB.logBlocking(39, a), within(1e-12));
    }

    @Test
    void erlangCTextbookExample() {
        // 100 calls in 30 min, AHT 180 s -> A = 10 erlangs, 14 agents, 80/20: the worked example
        // of the common online Erlang C tutorials (their rounded figures: Pw ~ 17 %, SL ~ 89 %,
        // ASA ~ 8 s). Exact figures below from the oracle.
        // Oracle: Pw = 1.741319335950498E-1, SL = 0.888350019179467, ASA = 7.835937011777243
        QueueMetrics m = ErlangC.of(10, 180).evaluate(14, 20);
        assertThat(m.probWait()).isCloseTo(1.741319335950498E-1, within(REL));
        assertThat(m.serviceLevel()).isCloseTo(0.888350019179467, within(REL));
        assertThat(m.asaSeconds()).isCloseTo(7.835937011777243, within(1e-8));
        assertThat(m.occupancy()).isCloseTo(10.0 / 14, within(1e-15));
        // and 13 agents miss 80/20: SL = 0.795594788417783 (oracle)
        assertThat(ErlangC.of(10, 180).evaluate(13, 20).serviceLevel())
                .isCloseTo(0.795594788417783, within(REL));
        // 360 calls/h, AHT 240 s -> A = 24; 30 agents: Pw = 0.1728620554968379, SL =
        // 0.895153863440221
        QueueMetrics b = ErlangC.of(24, 240).evaluate(30, 20);
        assertThat(b.probWait()).isCloseTo(0.1728620554968379, within(REL));
        assertThat(b.serviceLevel()).isCloseTo(0.895153863440221, within(REL));
    }

    @Test
    void erlangCTinyAndHugeTraffic() {
        // oracle: N=2 A=0.01 aht=180 T=20: Pw=4.975124378109453E-5 SL=0.999960118029572
        QueueMetrics tiny = ErlangC.of(0.01, 180).evaluate(2, 20);
        assertThat(tiny.probWait()).isCloseTo(4.975124378109453E-5, within(1e-15));
        assertThat(tiny.serviceLevel()).isCloseTo(0.999960118029572, within(1e-13));
        assertThat(tiny.asaSeconds()).isCloseTo(4.500112502812570E-3, within(1e-13));
        // oracle: N=20100 A=20000 aht=240 T=20: Pw=3.672231551780692E-1 SL=0.999911730762461
        QueueMetrics huge = ErlangC.of(20000, 240).evaluate(20100, 20);
        assertThat(huge.probWait()).isCloseTo(3.672231551780692E-1, within(1e-9));
        assertThat(huge.serviceLevel()).isCloseTo(0.999911730762461, within(1e-12));
        assertThat(huge.asaSeconds()).isCloseTo(8.813355724273660E-1, within(1e-8));
        // N=20300: Pw=2.013510964079466E-2
        assertThat(ErlangC.of(20000, 240).evaluate(20300, 20).probWait())
                .isCloseTo(2.013510964079466E-2, within(1e-10));
    }

    @Test
    void erlangCProbabilityOfWaitingStaysExactFarBelowTheSmallestDouble() {
        // ln C = ln B + ln N - ln(N - A + A B), B = e^-824.27 (oracle ln B), A B negligible
        assertThat(ErlangC.of(0.01, 180).logProbWait(100))
                .isCloseTo(-824.266294149372, within(1e-9));
        assertThat(ErlangC.of(0.01, 180).evaluate(100, 20).serviceLevel()).isEqualTo(1.0);
    }

    @Test
    void erlangCOverloadIsReportedPlainly() {
        QueueMetrics m = ErlangC.of(10, 180).evaluate(10, 20);
        assertThat(m.stable()).isFalse();
        assertThat(m.probWait()).isEqualTo(1.0);
        assertThat(m.serviceLevel()).isZero();
        assertThat(m.asaSeconds()).isPositive();
    }

    @Test
    void erlangAMatchesTheBirthDeathOracle() {
        // oracle (erlang_oracle.py, erlang_a): Pw, SL, ASA over all, P(abandon), occupancy
        assertErlangA(
                ErlangA.of(10, 180, 120).evaluate(14, 20),
                0.126976340080,
                0.932729580698,
                2.740714383818,
                0.022839286532,
                0.697971938192);
        assertErlangA(
                ErlangA.of(10, 180, 120).evaluate(10, 20),
                0.496852747630,
                0.639941307036,
                16.495659153174,
                0.137463826276,
                0.862536173724);
        // overloaded (N < A): stable thanks to abandonment
        assertErlangA(
                ErlangA.of(10, 180, 120).evaluate(5, 20),
                0.941023788408,
                0.109133034423,
                61.037956915865,
                0.508649640966,
                0.982700718069);
        assertErlangA(
                ErlangA.of(10, 180, 600).evaluate(12, 30),
                0.366784045109,
                0.774553369536,
                18.002705245581,
                0.030004508743,
                0.808329576048);
        // T = 0, short patience; and a 100-erlang queue either side of A
        assertErlangA(
                ErlangA.of(2.5, 300, 60).evaluate(3, 0),
                0.352001936798,
                0.647998063202,
                14.115544584890,
                0.235259076415,
                0.637284102988);
        assertErlangA(
                ErlangA.of(100, 240, 180).evaluate(105, 20),
                0.300912890826,
                0.912217622397,
                3.991700329317,
                0.022176112941,
                0.931260844818);
        assertErlangA(
                ErlangA.of(100, 240, 180).evaluate(90, 20),
                0.810353257288,
                0.491239794112,
                19.842839002831,
                0.110237994460,
                0.988624450600);
    }

    @Test
    void erlangAApproachesErlangCAsPatienceGrows() {
        // with a patience of 10^7 s nobody abandons in practice: Erlang C values, to 1e-4
        QueueMetrics a = ErlangA.of(10, 180, 1e7).evaluate(14, 20);
        QueueMetrics c = ErlangC.of(10, 180).evaluate(14, 20);
        assertThat(a.probWait()).isCloseTo(c.probWait(), within(1e-4));
        assertThat(a.serviceLevel()).isCloseTo(c.serviceLevel(), within(1e-4));
        assertThat(a.asaSeconds()).isCloseTo(c.asaSeconds(), within(1e-3));
    }

    @Test
    void erlangAAtThousandsOfErlangsMatchesTheIncompleteGammaForm() {
        // Independent of the series: S = Γ(r+1) e^a a^-r P(r, a) (Mandelbaum & Zeltyn's J, with
        // Commons Math's regularized gamma), Pw = 1 / (1 + ((1-B)/B)/S), and P(abandon) from the
        // flow balance above N: θ Lq = λ Pw - Nμ (Pw - π_N), π_N = Pw / S.
        double traffic = 2000;
        double aht = 240;
        double patience = 180;
        for (int n : new int[] {1900, 2000, 2100}) {
            double r = n * patience / aht;
            double a = traffic * patience / aht;
            double logS =
                    org.apache.commons.math3.special.Gamma.logGamma(r + 1)
                            + a
                            - r * Math.log(a)
                            + Math.log(
                                    org.apache.commons.math3.special.Gamma.regularizedGammaP(
                                            r, a, 1e-15, 100_000));
            double logB = ErlangB.logBlocking(n, traffic);
            double pw = 1 / (1 + Math.exp(Math.log1p(-Math.exp(logB)) - logB - logS));
            double pab = pw * (1 - (n / traffic) * (1 - Math.exp(-logS)));
            QueueMetrics m = ErlangA.of(traffic, aht, patience).evaluate(n, 20);
            // tolerance: the incomplete gamma is accurate to ~1e-13 relative at these arguments
            assertThat(m.probWait()).as("Pw N=%d", n).isCloseTo(pw, within(1e-9));
            assertThat(m.probAbandon()).as("Pab N=%d", n).isCloseTo(pab, within(1e-9));
        }
    }

    @Test
    void erlangAHandlesThousandsOfAgents() {
        QueueMetrics m = ErlangA.of(20000, 240, 180).evaluate(20000, 20);
        assertThat(m.probWait()).isBetween(0.0, 1.0);
        assertThat(m.serviceLevel()).isBetween(0.0, 1.0);
        assertThat(m.asaSeconds()).isFinite().isNotNegative();
        QueueMetrics over = ErlangA.of(20000, 240, 180).evaluate(15000, 20);
        // heavy overload: about a quarter of the callers must abandon (carried load <= N)
        assertThat(over.probAbandon()).isCloseTo(0.25, within(0.01));
        assertThat(over.occupancy()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void shrinkageRoundsUpWithoutFloatingNoise() {
        assertThat(Shrinkage.of(0.3).scheduledAgents(14))
                .isEqualTo(20); // 14/0.7 = 20.000000000000004
        assertThat(Shrinkage.of(0.3).scheduledAgents(15)).isEqualTo(22); // 21.43
        assertThat(Shrinkage.of(0).scheduledAgents(7)).isEqualTo(7);
    }

    private static void assertErlangA(
            QueueMetrics m, double pw, double sl, double asa, double pab, double occ) {
        assertThat(m.probWait()).as("Pw").isCloseTo(pw, within(ERLANG_A_ABS));
        assertThat(m.serviceLevel()).as("SL").isCloseTo(sl, within(ERLANG_A_ABS));
        assertThat(m.asaSeconds()).as("ASA").isCloseTo(asa, within(1e-6));
        assertThat(m.probAbandon()).as("Pab").isCloseTo(pab, within(ERLANG_A_ABS));
        assertThat(m.occupancy()).as("occ").isCloseTo(occ, within(ERLANG_A_ABS));
    }
}
