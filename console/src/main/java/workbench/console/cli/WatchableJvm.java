package workbench.console.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The checks before attaching to a process by pid, so that a wrong pid gets a sentence at once, not a long wait. */
final class WatchableJvm {

    /** SIGQUIT is signal 3: bit 2 of a mask of caught signals. */
    private static final long SIGQUIT_BIT = 1L << 2;

    private WatchableJvm() {
    }

    /**
     * Throws, with a sentence for the user, when no process has that pid or it is not a JVM that can be attached to.
     *
     * @throws IllegalStateException when the pid cannot be watched
     */
    static void require(long pid) throws IOException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new IllegalStateException(
                    "No process " + pid + " is running. `jps -l` lists the JVMs you can watch.");
        }
        if (ignoresAttachSignal(pid)) {
            String command = ProcessHandle.of(pid).flatMap(process -> process.info().command()).orElse("?");
            throw new IllegalStateException("Process " + pid + " (" + command + ") is not a JVM that can be watched:"
                    + " it does not catch SIGQUIT, which a JVM uses to be attached to (one started with -Xrs does"
                    + " not either). `jps -l` lists the JVMs you can watch.");
        }
    }

    /**
     * True when Linux says the process does not catch SIGQUIT, the signal a JVM is asked to attach by: the JDK's
     * attach then waits seconds for it to before giving up, as it would for a JVM still starting.
     */
    private static boolean ignoresAttachSignal(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        if (!Files.isReadable(status)) {
            return false;  // not Linux, or not ours to read: let the attach say why
        }
        try (Stream<String> lines = Files.lines(status)) {
            return lines.filter(line -> line.startsWith("SigCgt:")).findFirst()
                    .map(line -> (Long.parseUnsignedLong(line.substring("SigCgt:".length()).trim(), 16)
                            & SIGQUIT_BIT) == 0)
                    .orElse(false);
        }
    }
}
