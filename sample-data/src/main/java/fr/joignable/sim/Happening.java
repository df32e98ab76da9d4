package fr.joignable.sim;

/**
 * What the event loop can be told to do at a time ({@link Agenda}): a contact arrives, a caller's
 * patience or the phone wait limit runs out, an agent ends a talk or a wrap-up, logs in, is due for
 * an activity (break, lunch, training, logout) or ends one, and the live channels close.
 */
sealed interface Happening
        permits Arrival,
                Happening.PatienceEnds,
                Happening.WaitLimit,
                Happening.TalkEnds,
                Happening.WrapUpEnds,
                Happening.LogsIn,
                Happening.ActivityDue,
                Happening.ActivityEnds,
                Happening.Closes {

    /** The caller of a waiting live contact hangs up (unless answered or turned away before). */
    record PatienceEnds(Contact contact) implements Happening {}

    /** A phone call still waiting goes to voicemail ({@link Diversions#phoneWaitLimit()}). */
    record WaitLimit(Contact contact) implements Happening {}

    record TalkEnds(Agent agent) implements Happening {}

    record WrapUpEnds(Agent agent) implements Happening {}

    /** The start of the agent's shift. */
    record LogsIn(Agent agent) implements Happening {}

    /** The agent starts {@code activity} now if idle, after the contact in hand otherwise. */
    record ActivityDue(Agent agent, Activity activity) implements Happening {}

    record ActivityEnds(Agent agent) implements Happening {}

    /** The live channels close: idle agents take deferred work, no reserve kept any more. */
    record Closes() implements Happening {}
}
