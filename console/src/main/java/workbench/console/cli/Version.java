package workbench.console.cli;

import picocli.CommandLine;

/** The version the build stamped into the jar's manifest, and the JDK running it. */
final class Version implements CommandLine.IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = java.util.Objects.requireNonNullElse(Main.class.getPackage().getImplementationVersion(), "dev");
        return new String[]{"workbench " + version, "JDK " + Runtime.version() + " at " + System.getProperty("java.home")};
    }
}
