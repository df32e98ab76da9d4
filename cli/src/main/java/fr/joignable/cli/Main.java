package fr.joignable.cli;

import java.io.PrintWriter;

/** Entry point of the {@code joignable} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = JoignableCli.create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
