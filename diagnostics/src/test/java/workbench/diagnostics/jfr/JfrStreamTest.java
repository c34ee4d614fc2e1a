package workbench.diagnostics.jfr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;

class JfrStreamTest {

    static volatile Object sink;

    @Test
    void throttledAllocationSamplesArriveButStayFew() {
        AtomicLong samples = new AtomicLong();
        try (JfrStream stream = JfrStream.current()) {
            stream.enableAllocationSamples(50);
            stream.onEvent("jdk.ObjectAllocationSample", event -> samples.incrementAndGet());
            stream.startAsync();
            long end = System.nanoTime() + 1_500_000_000L;
            long allocations = 0;
            while (System.nanoTime() < end) {
                sink = new byte[1024];
                allocations++;
            }
            stream.stop();
            assertTrue(samples.get() > 0, "no samples");
            // 50/s over 1.5 s, with generous room for the throttle's burst allowance.
            assertTrue(samples.get() < 500, samples.get() + " samples of " + allocations + " allocations");
        }
    }

    @Test
    void currentTargetStreamsLocally() throws Exception {
        try (JfrStream stream = JfrStream.open(Target.current())) {
            assertTrue(stream.stream() instanceof jdk.jfr.consumer.RecordingStream);
        }
    }
}
