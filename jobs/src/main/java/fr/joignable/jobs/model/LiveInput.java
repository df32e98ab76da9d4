package fr.joignable.jobs.model;

/** One input of the live view: a (deduplicated) event, or a duplicate decision. */
public class LiveInput {
    public JobEvent event;
    public ContactDelta duplicate;

    public LiveInput() {}

    public static LiveInput of(JobEvent e) {
        LiveInput in = new LiveInput();
        in.event = e;
        return in;
    }

    public static LiveInput of(ContactDelta d) {
        LiveInput in = new LiveInput();
        in.duplicate = d;
        return in;
    }
}
