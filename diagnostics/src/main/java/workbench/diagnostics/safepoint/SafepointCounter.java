package workbench.diagnostics.safepoint;

import java.io.IOException;
import java.time.Duration;
import workbench.diagnostics.hsperf.PerfData;

/**
 * A cheap, always-on count of a JVM's safepoints and the time its threads spent stopped, read from
 * HotSpot's performance counters ({@code sun.rt.safepoints}, {@code sun.rt.safepointTime},
 * {@code sun.rt.safepointSyncTime}). A read is a few memory loads: it never brings the observed JVM
 * to a safepoint itself.
 *
 * {@snippet class="workbench.diagnostics.snippets.SafepointSnippets" region="counter"}
 *
 * Thread-safe. Reads after {@link #close()} throw {@link IllegalStateException}.
 */
public final class SafepointCounter implements AutoCloseable {

    private final PerfData perf;

    SafepointCounter(PerfData perf) {
        this.perf = perf;
    }

    static SafepointCounter open(long pid) throws IOException {
        PerfData perf = PerfData.open(pid);
        if (perf.longValue("sun.rt.safepoints").isEmpty()) {
            perf.close();
            throw new IOException("process " + pid + " publishes no safepoint counters (not a HotSpot JVM?)");
        }
        return new SafepointCounter(perf);
    }

    /** The pid of the observed JVM. */
    public long pid() {
        return perf.pid();
    }

    /** Safepoints since the JVM started. */
    public long count() {
        return perf.longValue("sun.rt.safepoints").orElseThrow();
    }

    /** Total time threads were stopped at safepoints since the JVM started. */
    public Duration totalTime() {
        return seconds("sun.rt.safepointTime");
    }

    /** Part of {@link #totalTime()} spent bringing threads to the safepoint. */
    public Duration syncTime() {
        return seconds("sun.rt.safepointSyncTime");
    }

    /** Count and times together. */
    public SafepointReading read() {
        return new SafepointReading(count(), totalTime(), syncTime());
    }

    private Duration seconds(String counter) {
        return Duration.ofNanos(Math.round(perf.seconds(counter).orElseThrow() * 1e9));
    }

    /** Unmaps the counters. Idempotent. */
    @Override
    public void close() {
        perf.close();
    }

    @Override
    public String toString() {
        return "safepoints of " + pid() + ": " + read();
    }
}
