package fr.joignable.domain.targets;

import java.util.Locale;

/** Red/amber/green against a target; {@link #NONE} when the value is undefined. */
public enum Status {
    GREEN,
    AMBER,
    RED,
    NONE;

    /** The lower-case name pages use as a CSS class. */
    public String css() {
        return name().toLowerCase(Locale.ROOT);
    }
}
