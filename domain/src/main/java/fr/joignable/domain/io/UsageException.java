package fr.joignable.domain.io;

/**
 * A usage error found after parsing (a value out of its range or of the wrong form): the command
 * line prints its one-line message with a pointer to {@code --help} and exits with status 2.
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
