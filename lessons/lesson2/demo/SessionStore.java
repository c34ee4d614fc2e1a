package lesson2.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Snapshots every session into long arrays for a backup. */
final class SessionStore implements SpikeSite {

    private static final int KEPT = 16;

    @Override
    public void allocate(long bytes, Random random) throws InterruptedException {
        snapshot(bytes, random);
    }

    private static void snapshot(long bytes, Random random) throws InterruptedException {
        List<long[]> copies = new ArrayList<>();
        for (long done = 0; done < bytes; ) {
            long[] copy = new long[SpikeSite.chunkSize(random) / Long.BYTES];
            copy[copy.length / 2] = random.nextLong();
            copies.add(copy);
            if (copies.size() > KEPT) {
                copies.removeFirst();
            }
            done += (long) copy.length * Long.BYTES;
            if (SpikeSite.restsAfter(done, bytes)) {
                Thread.sleep(REST_MILLIS);
            }
        }
    }
}
