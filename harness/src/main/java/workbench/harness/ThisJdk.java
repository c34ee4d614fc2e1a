package workbench.harness;

import java.nio.file.Path;

/** The JDK this JVM runs on: every child JVM and tool the workbench starts comes from it, never from the PATH. */
public final class ThisJdk {

    private ThisJdk() {
    }

    /** The path of one of the JDK's programs, such as {@code java} or {@code jcmd}. */
    public static String tool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
    }
}
