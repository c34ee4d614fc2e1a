package workbench.diagnostics.safepoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import workbench.diagnostics.hsperf.PerfData;
import workbench.diagnostics.target.Target;

/**
 * Entry point for observing safepoints: moments when the JVM stops every Java thread.
 *
 * {@snippet class="workbench.diagnostics.snippets.SafepointSnippets" region="overview"}
 */
public final class Safepoints {

    private Safepoints() {}

    /**
     * A counter for a local target (the current JVM or an attached one).
     *
     * @throws IOException when the target publishes no performance counters ({@code -XX:-UsePerfData})
     */
    public static SafepointCounter of(Target target) throws IOException {
        return of(target.pid());
    }

    /**
     * A counter for the local JVM with this pid.
     *
     * @throws IOException when there is no such JVM or it publishes no performance counters
     */
    public static SafepointCounter of(long pid) throws IOException {
        return SafepointCounter.open(pid);
    }

    /**
     * A counter for this JVM.
     *
     * @throws UncheckedIOException when this JVM runs with {@code -XX:-UsePerfData}
     */
    public static SafepointCounter current() {
        try {
            return of(ProcessHandle.current().pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether safepoints of that local JVM can be counted. */
    public static boolean available(long pid) {
        return PerfData.locate(pid).isPresent();
    }

    /**
     * Runs the action and returns the safepoints this JVM went through meanwhile. Other threads and the
     * garbage collector count too: compare against a run without the action, or repeat it many times.
     */
    public static SafepointReading during(Runnable action) {
        try (SafepointCounter counter = current()) {
            SafepointReading before = counter.read();
            action.run();
            return counter.read().minus(before);
        }
    }

    /**
     * Runs the action under a JFR recording and returns every VM operation executed meanwhile,
     * with the thread that requested it. Costs a JFR start and stop (some hundred milliseconds).
     */
    public static List<VmOperation> operationsDuring(Runnable action) {
        try (VmOperationRecorder recorder = VmOperationRecorder.start(Target.current())) {
            action.run();
            return recorder.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
