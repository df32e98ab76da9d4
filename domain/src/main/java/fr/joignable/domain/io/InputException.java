package fr.joignable.domain.io;

/**
 * A failure the user can fix: a missing or unreadable file, wrong content, no data for the request.
 * Its message is one line that names the file, field or value at fault; the command line prints it
 * without a stack trace and exits with status 1.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }
}
