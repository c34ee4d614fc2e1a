package workbench.diagnostics.target;

import java.io.IOException;
import java.lang.management.RuntimeMXBean;
import java.util.Optional;
import workbench.diagnostics.hsperf.PerfData;

/** The {@code jps -l} style name of a JVM: its launcher command, else its pid. */
final class DisplayNames {

    private DisplayNames() {}

    /** From the JVM's performance counters (no JMX round trip), else from its system properties. */
    static String of(long pid, RuntimeMXBean runtime) {
        return fromPerfData(pid).orElseGet(() -> of(runtime));
    }

    static String of(RuntimeMXBean runtime) {
        String command = runtime.getSystemProperties().get("sun.java.command");
        if (command == null || command.isBlank()) {
            return "pid " + runtime.getPid();
        }
        return command;
    }

    private static Optional<String> fromPerfData(long pid) {
        try (PerfData perf = PerfData.open(pid)) {
            return perf.stringValue("sun.rt.javaCommand").filter(command -> !command.isBlank());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
