package fr.joignable.wallboard;

/** Red/amber/green against a target; {@link #NONE} when the value is undefined. */
public enum Status {
    GREEN,
    AMBER,
    RED,
    NONE;

    /** The lower-case name the page uses as a CSS class. */
    public String css() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
