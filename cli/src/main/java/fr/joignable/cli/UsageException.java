package fr.joignable.cli;

/**
 * A usage error found after parsing (a value out of its range or of the wrong form): exit status 2
 * and a pointer to {@code --help}.
 */
public class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
