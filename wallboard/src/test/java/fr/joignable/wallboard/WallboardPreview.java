package fr.joignable.wallboard;

import java.time.Instant;

/**
 * Serves the page with a realistic in-memory snapshot, refreshed every second, to look at it in a
 * browser: {@code java -cp ... fr.joignable.wallboard.WallboardPreview [port] [fr|en]}.
 */
public final class WallboardPreview {

    private WallboardPreview() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        WallboardServer.Language language =
                args.length > 1 && args[1].equals("en")
                        ? WallboardServer.Language.EN
                        : WallboardServer.Language.FR;
        InMemoryLiveSource source = new InMemoryLiveSource();
        try (WallboardServer server =
                WallboardServer.start(
                        source, WallboardServer.Config.local(port).withLanguage(language))) {
            System.out.println("Preview on " + server.uri());
            Instant asOf = Instant.parse("2026-10-05T08:22:41Z");
            if (args.length > 2 && args[2].equals("stale")) {
                source.publish(Samples.view(asOf, Instant.now().minusSeconds(30), 3));
                Thread.currentThread().join();
            }
            for (long tick = 0; ; tick++) {
                source.publish(Samples.view(asOf.plusSeconds(tick), Instant.now(), 3 + tick % 4));
                Thread.sleep(1000);
            }
        }
    }
}
