package workbench.console.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbench.diagnostics.incident.Incident;
import workbench.diagnostics.incident.IncidentCapture;
import workbench.diagnostics.metrics.Units;
import workbench.diagnostics.target.Target;

/** {@code workbench incident <pid>}: one folder of evidence about a running JVM, for {@code workbench open}. */
@Command(name = "incident", description = "Record any running JVM for a few seconds into an incident folder: a JFR"
        + " recording, its GC log, thread dumps, a class histogram and its metrics.")
final class IncidentCommand implements Callable<Integer> {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    @Parameters(paramLabel = "PID", description = "the process id of a JVM run by the same user")
    long pid;

    @Option(names = "--length", defaultValue = "10s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "how long to record (default: 10s, at least 5s)")
    Duration length;

    @Option(names = "--to", paramLabel = "FOLDER",
            description = "where to write it (default: incidents/<pid>-<date>-<time> in the current folder)")
    Path folder;

    @Override
    public Integer call() throws IOException, InterruptedException {
        WatchableJvm.require(pid);
        Path to = folder != null ? folder : Path.of("incidents", pid + "-" + LocalDateTime.now().format(STAMP));
        System.err.println("Recording process " + pid + " for " + Units.format(length) + " into " + to
                + "...");
        Incident incident;
        try (Target target = Target.attach(pid)) {
            incident = IncidentCapture.capture(target, to, length);
        }
        System.out.println("Saved " + to + ". `workbench open " + to + "` reads it back.");
        incident.missing().forEach(missing -> System.out.println("Not captured: " + missing));
        return 0;
    }
}
