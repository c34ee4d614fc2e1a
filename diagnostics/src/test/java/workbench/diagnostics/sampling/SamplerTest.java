package workbench.diagnostics.sampling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;

class SamplerTest {

    static volatile Object sink;

    @Test
    void keepsABoundedSeriesThatSeesThreadsAndAllocation() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> started = new ArrayList<>();
        try (Sampler sampler = Sampler.start(Target.current(), Duration.ofMillis(20), 25)) {
            awaitFirstSample(sampler);
            long start = System.nanoTime();
            long end = start + 600_000_000L;
            while (System.nanoTime() < end) {
                if (started.size() < (System.nanoTime() - start) / 30_000_000L) {   // one more every 30 ms
                    started.add(Thread.ofPlatform().daemon().start(() -> await(release)));
                }
                sink = new byte[4096];
                Thread.sleep(1);
            }
            assertNull(sampler.lastError());
            TimeSeries threads = sampler.series("jvm.thread.count");
            assertTrue(threads.size() <= 25, "kept " + threads.size());
            assertTrue(threads.size() >= 5, "kept " + threads.size());
            assertTrue(threads.slope(Duration.ofSeconds(10)) > 0, threads.toString());
            assertTrue(sampler.series("jvm.memory.allocated").rate(Duration.ofSeconds(1)) > 0);
        } finally {
            release.countDown();
        }
    }

    @Test
    void listenersSeeEverySnapshotAndBadArgumentsAreRejected() throws InterruptedException {
        CountDownLatch three = new CountDownLatch(3);
        try (Sampler sampler = Sampler.start(Target.current(), Duration.ofMillis(10), 5)) {
            sampler.onSample(snapshot -> three.countDown());
            assertTrue(three.await(10, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(Target.current().pid(), sampler.latest().pid());
        }
        assertThrows(IllegalArgumentException.class, () -> Sampler.start(Target.current(), Duration.ZERO, 5));
        assertThrows(IllegalArgumentException.class, () -> Sampler.start(Target.current(), Duration.ofSeconds(1), 1));
    }

    /** The first read loads and initialises the management classes, which can take a while on a busy machine. */
    private static void awaitFirstSample(Sampler sampler) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (sampler.latest() == null && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertNull(sampler.lastError());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
