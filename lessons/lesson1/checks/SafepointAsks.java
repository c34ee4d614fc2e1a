package lesson1.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingStream;

/**
 * Records which thread of this JVM asked for each safepoint, from JFR's {@code jdk.ExecuteVMOperation} and its
 * {@code caller}: a thread dump asked for by a timer thread is the timer's cost, not the request's, and a collection
 * asked for by whichever thread happened to allocate last is nobody's fault.
 */
final class SafepointAsks implements AutoCloseable {

    /** Collections the JVM runs because some thread allocated: every page that allocates asks for them now and then. */
    private static final Pattern ALLOCATION_DRIVEN =
            Pattern.compile(".*ForAllocation|.*ForMetadataAllocation|G1TryInitiateConcMark");

    /**
     * One VM operation that stopped every thread.
     *
     * @param operation its name, such as {@code ThreadDump}
     * @param callerId  the Java thread id of the thread that asked for it
     * @param caller    that thread's name
     * @param start     when it ran
     */
    record Ask(String operation, long callerId, String caller, Instant start) {}

    private final RecordingStream stream = new RecordingStream();
    private final List<Ask> asks = new ArrayList<>();

    private SafepointAsks() {
        stream.enable("jdk.ExecuteVMOperation").withThreshold(Duration.ZERO);
        stream.onEvent("jdk.ExecuteVMOperation", this::record);
    }

    /** Starts recording. */
    static SafepointAsks start() {
        SafepointAsks asks = new SafepointAsks();
        asks.stream.startAsync();
        return asks;
    }

    private void record(RecordedEvent event) {
        RecordedThread caller = event.getThread("caller");
        String operation = event.getString("operation");
        if (event.getBoolean("safepoint") && caller != null && caller.getJavaThreadId() > 0
                && !ALLOCATION_DRIVEN.matcher(operation).matches()) {
            synchronized (asks) {
                asks.add(new Ask(operation, caller.getJavaThreadId(), String.valueOf(caller.getJavaName()),
                        event.getStartTime()));
            }
        }
    }

    /** Stops recording, once every operation recorded so far has been delivered. */
    void stop() {
        stream.stop();
    }

    /**
     * Safepoints, other than collections for allocation, asked for between {@code from} and {@code to} by threads
     * that are not among {@code others}.
     */
    List<Ask> askedBetween(Instant from, Instant to, Set<Long> others) {
        synchronized (asks) {
            return asks.stream().filter(ask -> !ask.start().isBefore(from) && !ask.start().isAfter(to)
                    && !others.contains(ask.callerId())).toList();
        }
    }

    @Override
    public void close() {
        stream.close();
    }
}
