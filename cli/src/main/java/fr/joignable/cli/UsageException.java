package fr.joignable.cli;

/**
 * A usage error found after parsing (a value out of its range or of the wrong form): exit status 2
 * and a pointer to {@code --help}. The command line's name for {@link
 * fr.joignable.domain.io.UsageException}, which commands outside {@code cli} (the wallboard) throw.
 */
public class UsageException extends fr.joignable.domain.io.UsageException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
