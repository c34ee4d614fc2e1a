package lesson2.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The spikes so far, written without allocating: a JFR allocation sample taken on the spike thread should
 * land in a spike site, not in this bookkeeping. Keeps the latest {@link #CAPACITY} spikes.
 */
final class SpikeLog {

    private static final int CAPACITY = 4096;

    /** Set by {@link #begun} after {@link #add} has published the rest of the slot. */
    private final AtomicLongArray epochMillis = new AtomicLongArray(CAPACITY);
    private final int[] sites = new int[CAPACITY];
    private final long[] bytes = new long[CAPACITY];
    private volatile int count;

    /**
     * Notes a spike about to begin; its time is that of its first chunk ({@link #begun}), so that a collection or a
     * busy machine delaying that chunk delays the spike too. Called by the one spike thread only, like {@link #begun}.
     */
    void add(int site, long size) {
        int slot = count % CAPACITY;
        epochMillis.set(slot, 0);
        sites[slot] = site;
        bytes[slot] = size;
        count = count + 1;
    }

    /** The latest spike's first chunk is made: from now on it shows. Later calls for the same spike do nothing. */
    void begun() {
        int written = count;
        if (written > 0 && epochMillis.get((written - 1) % CAPACITY) == 0) {
            epochMillis.set((written - 1) % CAPACITY, System.currentTimeMillis());
        }
    }

    List<AllocationSpikes.Spike> snapshot() {
        int written = count;
        List<AllocationSpikes.Spike> spikes = new ArrayList<>();
        for (int i = Math.max(0, written - CAPACITY); i < written; i++) {
            int slot = i % CAPACITY;
            long at = epochMillis.get(slot);
            if (at != 0) {
                spikes.add(new AllocationSpikes.Spike(Instant.ofEpochMilli(at),
                        AllocationSpikes.SPIKE_SITES.get(sites[slot]), bytes[slot]));
            }
        }
        return spikes;
    }
}
