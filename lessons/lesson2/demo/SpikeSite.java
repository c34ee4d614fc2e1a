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

    /** Spreads a burst over a couple of hundred milliseconds, as a real request would. */
    static void breathe(long allocated, long total) throws InterruptedException {
        if (allocated % (8 << 20) < (4 << 20) && allocated < total) {
            Thread.sleep(4);
        }
    }
}
