package fr.joignable.wallboard.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class WallboardCommandTest {

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CommandLine cli =
            WallboardMain.create(new PrintWriter(out, true), new PrintWriter(err, true));
    private final WallboardCommand command =
            (WallboardCommand) cli.getSubcommands().get("wallboard").getCommand();

    {
        command.environment = Map.of();
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() {
        int status =
                cli.execute("wallboard", "--bootstrap-servers", "127.0.0.1:1", "--bind", "0.0.0.0");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString().lines().findFirst().orElseThrow())
                .startsWith("joignable: --bind 0.0.0.0 is not a loopback address")
                .contains("an access token is required");
        assertThat(err.toString()).contains("--help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aTooShortTokenIsRefused() throws Exception {
        Path token = Files.writeString(dir.resolve("token"), "short\n");
        int status =
                cli.execute(
                        "wallboard",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "--bind",
                        "0.0.0.0",
                        "--token-file",
                        token.toString());
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("at least 16 characters").doesNotContain("short\n");
    }

    @Test
    void aTooShortTokenFromTheEnvironmentIsRefused() {
        command.environment = Map.of(WallboardCommand.TOKEN_ENV, "short");
        int status = cli.execute("wallboard", "--bootstrap-servers", "127.0.0.1:1");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains(WallboardCommand.TOKEN_ENV);
    }

    @Test
    void aMissingTokenFileIsAnInputError() {
        int status =
                cli.execute(
                        "wallboard",
                        "--bootstrap-servers",
                        "127.0.0.1:1",
                        "--token-file",
                        dir.resolve("absent").toString());
        assertThat(status).isEqualTo(1);
        assertThat(err.toString()).contains("--token-file").contains("cannot read it");
    }

    @Test
    void badOptionsAreUsageErrors() {
        assertThat(cli.execute("wallboard", "--bootstrap-servers", "h:1", "--port", "70000"))
                .isEqualTo(2);
        assertThat(cli.execute("wallboard", "--bootstrap-servers", "h:1", "--lang", "de"))
                .isEqualTo(2);
        assertThat(cli.execute("wallboard")).isEqualTo(2);
        assertThat(err.toString()).contains("--bootstrap-servers");
    }

    @Test
    void servesUntilStoppedEvenBeforeTheTopicExists() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("token"), "command-test-token-0123456789\n");
        boolean posix = tokenFile.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-r--r--"));
        }
        int[] status = {-1};
        Thread run =
                new Thread(
                        () ->
                                status[0] =
                                        cli.execute(
                                                "wallboard",
                                                "--bootstrap-servers",
                                                "127.0.0.1:1",
                                                "--port",
                                                "0",
                                                "--lang",
                                                "en",
                                                "--token-file",
                                                tokenFile.toString()));
        run.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!out.toString().contains("Wallboard on ") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        String line = out.toString();
        assertThat(line)
                .contains("Wallboard on http://127.0.0.1:")
                .contains("access token required");
        URI uri = URI.create(line.substring(line.indexOf("http://"), line.indexOf(" (topic")));
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> page =
                client.send(
                        HttpRequest.newBuilder(uri)
                                .header("Authorization", "Bearer command-test-token-0123456789")
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<html lang=\"en\">");
        assertThat(
                        client.send(
                                        HttpRequest.newBuilder(uri.resolve("/api/live")).build(),
                                        HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                .isEqualTo(401);
        if (posix) {
            assertThat(err.toString()).contains("can be read by other users");
        }
        assertThat(err.toString()).doesNotContain("command-test-token");
        command.stop.countDown();
        run.join(10_000);
        assertThat(run.isAlive()).isFalse();
        assertThat(status[0]).isZero();
    }
}
