package fr.joignable.sim;

import static fr.joignable.sim.Millis.HOUR;
import static fr.joignable.sim.Millis.MINUTE;

import fr.joignable.domain.event.HandoffTarget;

/**
 * Whether an answered contact is handed off at the end of its wrap-up, to whom, and when the
 * handoff is closed: with probability {@link ContactModel#handoffShare} of its intent, to {@link
 * ContactModel#handoffTarget}, closed after a lognormal time (σ 0.8, median {@link
 * ContactModel#medianClosingHours} of the intent), at least 30 minutes.
 */
final class Handoffs {

    /** A handoff closed {@code closesAfter} ms after its creation. */
    record Handoff(HandoffTarget target, long closesAfter) {}

    private final Draws draws;

    Handoffs(Draws draws) {
        this.draws = draws;
    }

    /** The handoff of {@code c}, or null if it is not handed off. */
    Handoff of(Contact c) {
        if (!draws.chance(ContactModel.handoffShare(c.intent))) {
            return null;
        }
        HandoffTarget target = ContactModel.handoffTarget(c.intent, draws.uniform());
        long closing =
                (long)
                        Math.max(
                                30 * MINUTE,
                                draws.lognormal(
                                        ContactModel.medianClosingHours(c.intent) * HOUR, 0.8));
        return new Handoff(target, closing);
    }
}
