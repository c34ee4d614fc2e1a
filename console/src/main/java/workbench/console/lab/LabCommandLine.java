package workbench.console.lab;

import workbench.harness.ThisJdk;

import java.util.ArrayList;
import java.util.List;

/**
 * How the lab JVM is started: the console's own {@code java} and class path (library, lessons and
 * demos), a heap cap, and an exit on OutOfMemoryError so that a wrecked lab is replaced, not limped on.
 * Native access is granted so that snippets may call C through the foreign function API without the JDK's
 * first-use warning.
 *
 * @param java       the java launcher
 * @param classPath  the lab's class path
 * @param jvmOptions options before the main class
 */
public record LabCommandLine(String java, String classPath, List<String> jvmOptions) {

    /** The heap cap keeps a runaway snippet from starving the console and the demos on a small machine. */
    public static final List<String> DEFAULT_OPTIONS = List.of(
            "-Xmx512m",
            "-XX:+ExitOnOutOfMemoryError",
            "--enable-native-access=ALL-UNNAMED",
            "-Djdk.attach.allowAttachSelf=true",
            "-Djava.awt.headless=true",
            "-Dstdout.encoding=UTF-8",
            "-Dstderr.encoding=UTF-8");

    public LabCommandLine {
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** Same java and class path as this (the console's) JVM. */
    public static LabCommandLine likeThisJvm() {
        return new LabCommandLine(ThisJdk.tool("java"), System.getProperty("java.class.path"), DEFAULT_OPTIONS);
    }

    List<String> command(int port, String token) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath);
        command.add(LabAgent.class.getName());
        command.add(Integer.toString(port));
        command.add(token);
        return command;
    }
}
