package fr.joignable.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar manifest, or the development version. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        String fromManifest = VersionProvider.class.getPackage().getImplementationVersion();
        return fromManifest != null ? fromManifest : "0.1.0-SNAPSHOT";
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "joignable " + version(),
            "Java "
                    + System.getProperty("java.version")
                    + " ("
                    + System.getProperty("java.vendor")
                    + ")"
        };
    }
}
