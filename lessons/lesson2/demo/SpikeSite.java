package lesson2.demo;

import java.util.Random;

/** A place in the demo's code that now and then allocates a burst of memory. */
interface SpikeSite {

    /** Allocates about {@code bytes} in a burst, keeping part of it alive until the burst is over. */
    void allocate(long bytes, Random random) throws InterruptedException;

    /** Chunk sizes from 256 KiB to 4 MiB: under G1 with small regions the larger ones are humongous. */
    static int chunkSize(Random random) {
        return (256 << 10) << random.nextInt(5);
    }

    /** How long a burst rests now and then, so that it spreads over tens of milliseconds as a real request would. */
    long REST_MILLIS = 4;

    /**
     * Whether to rest after {@code allocated} of {@code total} bytes. The caller sleeps itself, so that
     * whatever sleeping allocates is sampled in the spike site's own frame, not in a helper's.
     */
    static boolean restsAfter(long allocated, long total) {
        return allocated % (8 << 20) < (4 << 20) && allocated < total;
    }
}
