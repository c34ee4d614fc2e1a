package workbench.diagnostics.snippets;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import workbench.diagnostics.incident.Incident;
import workbench.diagnostics.incident.IncidentCapture;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.LeakSuspect;

/** Examples in the Javadoc of {@code workbench.diagnostics.incident}. */
public final class IncidentSnippets {

    private IncidentSnippets() {}

    // @start region="open"
    public static void captureThenRead(long pid, Path folder) throws IOException, InterruptedException {
        try (Target target = Target.attach(pid)) {
            IncidentCapture.capture(target, folder, Duration.ofSeconds(10));
        }
        Incident incident = Incident.open(folder);                   // later, on any machine
        System.out.println("paused " + incident.gcPauses().totalPauseTime() + " in " + incident.length());
        for (VmOperation operation : incident.vmOperations()) {
            if (operation.atSafepoint()) {
                System.out.println(operation);
            }
        }
        for (LeakSuspect suspect : incident.leakSuspects()) {
            System.out.println(suspect);
        }
        System.out.println(incident.series("jvm.thread.count"));
    }
    // @end
}
