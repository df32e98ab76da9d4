package fr.joignable.domain.io;

/**
 * Reports the progress of long work (generation, fits, runs) without tying the worker to a console;
 * the command line draws it as a progress bar on standard error.
 */
public interface Progress {

    /** Ignores all reports. */
    Progress NONE = (done, total) -> {};

    /**
     * @param done units done so far
     * @param total units in all, or a non-positive number when unknown
     */
    void update(long done, long total);

    /** Called once when the work ends, successfully or not. */
    default void finish() {}
}
