package lesson2.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Snapshots every session into long arrays for a backup. */
final class SessionStore implements SpikeSite {

    private static final int KEPT = 16;

    @Override
    public void allocate(long bytes, Random random, Pace pace) throws InterruptedException {
        snapshot(bytes, random, pace);
    }

    private static void snapshot(long bytes, Random random, Pace pace) throws InterruptedException {
        List<long[]> copies = new ArrayList<>();
        for (long done = 0; done < bytes; ) {
            long[] copy = new long[pace.chunkSize(random) / Long.BYTES];
            copy[copy.length / 2] = random.nextLong();
            copies.add(copy);
            if (copies.size() > KEPT) {
                copies.removeFirst();
            }
            done += (long) copy.length * Long.BYTES;
            long rest = pace.afterChunk(done);
            if (rest > 0 && done < bytes) {
                Thread.sleep(rest);
            }
        }
    }
}
