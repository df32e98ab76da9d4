package fr.joignable.sim;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.io.Progress;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Runs the simulator into memory for tests. */
final class SimulationFixtures {

    private SimulationFixtures() {}

    record Run(List<String> lines, SimulationSummary summary, DeliveryFaults delivery) {
        List<InteractionEvent> events() {
            List<InteractionEvent> events = new ArrayList<>(lines.size());
            for (String line : lines) {
                Decoded d = EventCodec.instance().decode(line);
                if (d instanceof Decoded.Accepted a) {
                    events.add(a.event());
                }
            }
            return events;
        }
    }

    static Run run(SimulatorOptions options, LocalDate start, int days) {
        List<String> lines = new ArrayList<>();
        DeliveryFaults delivery = new DeliveryFaults(options.faults(), options.seed(), lines::add);
        SimulationSummary summary =
                new ContactCentreSimulator(options).run(start, days, delivery, Progress.NONE);
        delivery.finish();
        return new Run(lines, summary, delivery);
    }
}
