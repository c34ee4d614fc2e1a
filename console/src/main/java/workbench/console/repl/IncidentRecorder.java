package workbench.console.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.LongSupplier;
import workbench.diagnostics.incident.Incident;
import workbench.diagnostics.incident.IncidentCapture;
import workbench.diagnostics.target.Target;

/**
 * Records the lab JVM into an incident folder on a thread of its own, one recording at a time, so that the learner
 * keeps typing (and the lab keeps misbehaving) while it runs; the outcome is printed above the prompt. Closing waits
 * for a recording under way to be saved rather than leave half a folder.
 */
final class IncidentRecorder implements AutoCloseable {

    private final LongSupplier labPid;
    private final ConsoleIO io;
    /** The recording under way, if any; guarded by this. */
    private Thread recording;

    /** @param labPid the lab JVM's process id, waiting for the lab if it is still starting */
    IncidentRecorder(LongSupplier labPid, ConsoleIO io) {
        this.labPid = labPid;
        this.io = io;
    }

    /** Starts recording into {@code folder}; returns false, starting nothing, while another recording runs. */
    synchronized boolean start(Path folder) {
        if (recording != null && recording.isAlive()) {
            return false;
        }
        recording = Thread.ofPlatform().daemon().name("workbench-incident").start(() -> record(folder));
        return true;
    }

    private void record(Path folder) {
        try (Target target = Target.attach(labPid.getAsLong())) {
            Incident incident = IncidentCapture.capture(target, folder, IncidentCapture.DEFAULT_LENGTH);
            io.printAbove(Messages.incidentSaved(folder, incident.missing()));
        } catch (IOException | RuntimeException e) {
            io.printAbove(Messages.incidentFailed(Objects.requireNonNullElse(e.getMessage(), e.toString())));
        } catch (InterruptedException e) {
            io.printAbove(Messages.incidentFailed("interrupted"));
        }
    }

    @Override
    public void close() {
        Thread underWay;
        synchronized (this) {
            underWay = recording;
        }
        if (underWay != null && underWay.isAlive()) {
            io.println(Messages.INCIDENT_FINISHING);
            try {
                underWay.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
