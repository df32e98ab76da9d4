package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The live view reports agents as they are at the snapshot's event time (the watermark). */
class LiveViewAgentStateTest {

    @Test
    void anAgentWhoChangedStateAfterTheWatermarkIsShownInTheStateBefore() {
        LiveViewFunction.Agent a = new LiveViewFunction.Agent();
        a.team = "T";
        a.spans.add(new long[] {1_000, 5_000, Kpis.stateIndex("READY")});
        a.spans.add(new long[] {5_000, 9_000, Kpis.stateIndex("BUSY")});
        a.state = "WRAP_UP";
        a.since = 9_000;

        assertThat(LiveViewFunction.stateAt(a, 500)).isNull();
        assertThat(LiveViewFunction.stateAt(a, 1_000)).isEqualTo("READY");
        assertThat(LiveViewFunction.stateAt(a, 7_000)).isEqualTo("BUSY");
        assertThat(LiveViewFunction.stateAt(a, 9_000)).isEqualTo("WRAP_UP");
        assertThat(LiveViewFunction.stateAt(a, 60_000)).isEqualTo("WRAP_UP");
    }

    @Test
    void aLoggedOutSpanIsLoggedOut() {
        LiveViewFunction.Agent a = new LiveViewFunction.Agent();
        a.team = "T";
        a.spans.add(new long[] {1_000, 5_000, Kpis.stateIndex("LOGGED_OUT")});
        a.state = "READY";
        a.since = 5_000;
        assertThat(LiveViewFunction.stateAt(a, 2_000)).isEqualTo("LOGGED_OUT");
    }
}
