package fr.joignable.reporting;

import java.nio.file.Path;

/**
 * Writes the test fixture to a directory, for looking at reports by hand: {@code FixtureMain DIR}.
 */
public final class FixtureMain {

    private FixtureMain() {}

    public static void main(String[] args) {
        new Fixture(20261005L).write(Path.of(args[0]));
    }
}
