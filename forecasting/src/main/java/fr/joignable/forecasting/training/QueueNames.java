package fr.joignable.forecasting.training;

import java.util.regex.Pattern;

/**
 * What a well-formed queue name is, in the roster and the staffing plan alike: letters (accents
 * allowed), digits, {@code _ - . , '} and inner single spaces, starting with a letter or a digit —
 * e.g. {@code LOYERS}, {@code GESTION_LOCATIVE}. Anything else (empty, control characters, {@code
 * ;}, quotes, slashes…) is a malformed name and an input error. Names are compared exactly (case
 * matters).
 */
public final class QueueNames {

    private static final Pattern VALID =
            Pattern.compile("[\\p{L}\\p{N}](?:[\\p{L}\\p{N}_.,'\\-]| (?! ))*(?<! )");

    private QueueNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
