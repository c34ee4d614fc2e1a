package workbench.console.lab;

import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.UncheckedIOException;
import jdk.jshell.execution.StreamingExecutionControl;

/**
 * The console's side of the engine: JShell's commands go over the command stream; a stop goes
 * over the side channel, because the command stream is busy while a snippet runs.
 */
final class LabExecutionControl extends StreamingExecutionControl {

    private final LabJvm lab;

    LabExecutionControl(ObjectOutput out, ObjectInput in, LabJvm lab) {
        super(out, in);
        this.lab = lab;
    }

    @Override
    public void stop() throws EngineTerminationException {
        try {
            lab.requestStop();
        } catch (UncheckedIOException e) {
            throw new EngineTerminationException("the lab JVM is gone: " + e.getCause().getMessage());
        }
    }

    @Override
    public void close() {
        super.close();
        lab.close();
    }
}
