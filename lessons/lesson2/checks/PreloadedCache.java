package lesson2.checks;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Random;
import java.util.concurrent.CountDownLatch;

/**
 * A cache that one thread of find-the-spike's service loads at start-up, before anyone watches, allocating hundreds
 * of MB, and that gains a few entries once the demo has started, in the quiet before its first spike. A thread's
 * first allocation sample weighs everything it allocated before, so this thread's first sample in the learner's
 * recording is one lump of hundreds of MB, far from any spike: a clock made of sample weights reads a burst there,
 * the exact counter reads next to nothing.
 */
final class PreloadedCache {

    private static final int CHUNK = 64 << 10;
    /** Above half of a 1 MiB G1 region: humongous, so allocated outside any TLAB, each one a sampling candidate. */
    private static final int ENTRY = 600 << 10;
    private static final int ENTRIES = 5;
    private static final long FIRST_ENTRY_MILLIS = 150;
    /** Entries this far apart add well under a MiB to a 100 ms tick of the counter, far below any spike's. */
    private static final long BETWEEN_ENTRIES_MILLIS = 80;

    private final CountDownLatch started = new CountDownLatch(1);
    private final Deque<byte[]> kept = new ArrayDeque<>();

    private PreloadedCache() {
    }

    /** Loads 400 to 600 MB (keeping only a little of it) on a thread of its own, and returns once it has. */
    static PreloadedCache load(Random random) throws InterruptedException {
        PreloadedCache cache = new PreloadedCache();
        long bytes = (400L + random.nextInt(201)) << 20;
        CountDownLatch loaded = new CountDownLatch(1);
        Thread.ofPlatform().name("cache-loader").daemon().start(() -> cache.run(bytes, loaded));
        loaded.await();
        return cache;
    }

    /** Tells the loader that the demo has started: its entries come in the quiet before the export. */
    void demoStarted() {
        started.countDown();
    }

    private void run(long bytes, CountDownLatch loaded) {
        try {
            for (long made = 0; made < bytes; made += CHUNK) {
                keep(new byte[CHUNK]);
            }
            loaded.countDown();
            started.await();
            Thread.sleep(FIRST_ENTRY_MILLIS);
            for (int i = 0; i < ENTRIES; i++) {
                keep(new byte[ENTRY]);
                Thread.sleep(BETWEEN_ENTRIES_MILLIS);
            }
        } catch (InterruptedException e) {
            // The service is going away.
        }
    }

    private void keep(byte[] entry) {
        kept.addLast(entry);
        if (kept.size() > 4) {
            kept.removeFirst();
        }
    }
}
