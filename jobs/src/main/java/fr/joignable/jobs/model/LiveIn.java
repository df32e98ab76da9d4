package fr.joignable.jobs.model;

/** One input of the live view: a (deduplicated) event, or a duplicate decision. */
public class LiveIn {
    public Ev event;
    public ContactDelta duplicate;

    public LiveIn() {}

    public static LiveIn of(Ev e) {
        LiveIn in = new LiveIn();
        in.event = e;
        return in;
    }

    public static LiveIn of(ContactDelta d) {
        LiveIn in = new LiveIn();
        in.duplicate = d;
        return in;
    }
}
