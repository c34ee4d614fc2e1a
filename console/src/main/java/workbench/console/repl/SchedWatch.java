package workbench.console.repl;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;
import workbench.diagnostics.sched.SchedTrace;
import workbench.diagnostics.target.Target;

/**
 * The lab JVM's scheduler trace: a {@link SchedTrace} attached to the lab, printing each line above the prompt
 * while the learner keeps typing, until it is stopped or the lab JVM it traces exits (a reset, a restart).
 */
final class SchedWatch implements AutoCloseable {

    private final LongSupplier labPid;
    private final ConsoleIO io;
    /** The trace running now, if any; guarded by this. */
    private Running running;

    private record Running(Target target, SchedTrace trace) {
        void close() {
            trace.close();
            target.close();
        }
    }

    /**
     * @param labPid the lab JVM's process id, waiting for the lab if it is still starting
     */
    SchedWatch(LongSupplier labPid, ConsoleIO io) {
        this.labPid = labPid;
        this.io = io;
    }

    /**
     * Starts tracing the lab JVM, a line every {@code interval}, replacing the trace running before.
     *
     * @throws IOException when the lab JVM cannot be attached to (it is gone or restarting)
     */
    synchronized void start(Duration interval) throws IOException {
        stop();
        long pid = labPid.getAsLong();
        Target target = Target.attach(pid);
        try {
            Running started = new Running(target, SchedTrace.start(target, interval, line -> io.printAbove(line.format())));
            running = started;
            ProcessHandle.of(pid).map(ProcessHandle::onExit).orElse(CompletableFuture.completedFuture(null))
                    .thenRun(() -> labExited(started));
        } catch (IOException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    /** Stops the trace; returns whether one was running. */
    synchronized boolean stop() {
        if (running == null) {
            return false;
        }
        running.close();
        running = null;
        return true;
    }

    private synchronized void labExited(Running trace) {
        if (running == trace) {
            stop();
            io.printAbove(Messages.SCHED_LAB_EXITED);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
