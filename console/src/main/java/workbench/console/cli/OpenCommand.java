package workbench.console.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import workbench.diagnostics.incident.Incident;

/** {@code workbench open <folder>}: an incident folder read back, offline. */
@Command(name = "open", description = "Read an incident folder back: GC pauses, safepoints, leak suspects, pinning,"
        + " the heap's classes.")
final class OpenCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FOLDER", description = "a folder written by `workbench incident` or `/incident save`")
    Path folder;

    @Override
    public Integer call() throws IOException {
        Incident incident;
        try {
            incident = Incident.open(folder);
        } catch (IOException e) {
            throw new IllegalStateException(e.getMessage() + ". `workbench incident <pid>` writes one.", e);
        }
        Output.markdown(IncidentReport.of(incident));
        return 0;
    }
}
