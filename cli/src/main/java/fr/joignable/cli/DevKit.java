package fr.joignable.cli;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kafka.KafkaBroker;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's embedded Kafka broker ({@code fr.joignable.devkit.EmbeddedKafka}, Kafka's test kit,
 * about 19 MB) is not on the command line's class path: {@code demo} loads the devkit module from
 * the class path listed in {@code cli/target/devkit-classpath.txt} (the launcher passes its place
 * as {@code -Djoignable.devkit.classpath}), in a class loader whose parent is the command line's,
 * so the broker and the demo share the Kafka client classes. In the tests the devkit is on the
 * class path already and is used as is.
 */
final class DevKit {

    /** System property naming the file that lists the devkit's class path. */
    static final String CLASSPATH_PROPERTY = "joignable.devkit.classpath";

    private static final String BROKER = "fr.joignable.devkit.EmbeddedKafka";

    private DevKit() {}

    /** Starts an embedded broker and waits until it is ready. */
    static KafkaBroker startBroker() throws Exception {
        Class<?> type = brokerClass();
        // Kafka loads its plug-ins through the context class loader: the broker's threads,
        // created while it starts, inherit the devkit's
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(type.getClassLoader());
        try {
            return (KafkaBroker) type.getMethod("start").invoke(null);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static Class<?> brokerClass() {
        ClassLoader own = DevKit.class.getClassLoader();
        try {
            return Class.forName(BROKER, true, own);
        } catch (ClassNotFoundException notOnTheClassPath) {
            // the launcher's case: load the devkit from its own class path
        }
        String listing = System.getProperty(CLASSPATH_PROPERTY);
        if (listing == null || listing.isBlank()) {
            throw new InputException(
                    "the demo's Kafka broker (devkit) is not available: start the demo with"
                            + " ./joignable, which passes -D"
                            + CLASSPATH_PROPERTY);
        }
        Path file = Path.of(listing);
        try {
            URLClassLoader loader = new URLClassLoader(urls(file), own);
            return Class.forName(BROKER, true, loader);
        } catch (IOException | ClassNotFoundException e) {
            throw new InputException(
                    "-D"
                            + CLASSPATH_PROPERTY
                            + " "
                            + file
                            + ": cannot load the devkit from it ("
                            + e.getClass().getSimpleName()
                            + "); rebuild with ./joignable");
        }
    }

    private static URL[] urls(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8).strip();
        List<URL> urls = new ArrayList<>();
        for (String entry : text.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                try {
                    urls.add(Path.of(entry).toUri().toURL());
                } catch (MalformedURLException e) {
                    throw new IOException(e);
                }
            }
        }
        return urls.toArray(new URL[0]);
    }
}
