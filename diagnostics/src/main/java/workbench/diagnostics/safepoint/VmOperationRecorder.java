package workbench.diagnostics.safepoint;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/**
 * Records which VM operations a JVM executes, and which thread asked for each, through JFR's
 * {@code jdk.ExecuteVMOperation} event. Use it to find the code that brings a JVM to safepoints; use
 * {@link SafepointCounter} when only the count matters, it is far cheaper.
 *
 * {@snippet class="workbench.diagnostics.snippets.SafepointSnippets" region="recorder"}
 *
 * Starting a recording takes some hundred milliseconds; {@link #stop()} waits until every recorded
 * operation has been delivered. {@link #read(Path)} reads the operations of a recording file. Thread-safe.
 */
public final class VmOperationRecorder implements AutoCloseable {

    private static final String EVENT = "jdk.ExecuteVMOperation";

    private final JfrStream stream;
    private final List<VmOperation> operations = new ArrayList<>();

    private VmOperationRecorder(JfrStream stream) {
        this.stream = stream;
    }

    /**
     * Starts recording VM operations of the target.
     *
     * @throws IOException when the target's JFR cannot be reached
     */
    public static VmOperationRecorder start(Target target) throws IOException {
        VmOperationRecorder recorder = listening(JfrStream.open(target));
        recorder.stream.enable(EVENT);
        recorder.stream.startAsync();
        return recorder;
    }

    /**
     * Every VM operation a recording file holds, in the order the file delivers them; empty when it was recorded
     * without {@code jdk.ExecuteVMOperation} (JFR's default configuration keeps only those of 10 ms or more).
     *
     * @throws IOException when the file cannot be read
     */
    public static List<VmOperation> read(Path recording) throws IOException {
        VmOperationRecorder recorder = listening(JfrStream.openFile(recording));
        recorder.stream.start();
        return recorder.operations();
    }

    private static VmOperationRecorder listening(JfrStream stream) {
        VmOperationRecorder recorder = new VmOperationRecorder(stream);
        stream.onEvent(EVENT, event -> recorder.add(VmOperation.of(event)));
        return recorder;
    }

    private synchronized void add(VmOperation operation) {
        operations.add(operation);
    }

    /** Operations delivered so far (JFR delivers in batches, about once a second). */
    public synchronized List<VmOperation> operations() {
        return List.copyOf(operations);
    }

    /** Stops recording and returns every operation recorded, in the order they were delivered. */
    public List<VmOperation> stop() {
        stream.stop();
        return operations();
    }

    /** Stops recording. Idempotent. */
    @Override
    public void close() {
        stream.close();
    }
}
