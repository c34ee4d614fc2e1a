package lesson2.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The spikes so far, written without allocating: a JFR allocation sample taken on the spike thread should
 * land in a spike site, not in this bookkeeping. Keeps the latest {@link #CAPACITY} spikes.
 */
final class SpikeLog {

    private static final int CAPACITY = 4096;

    private final long[] epochMillis = new long[CAPACITY];
    private final int[] sites = new int[CAPACITY];
    private final long[] bytes = new long[CAPACITY];
    private volatile int count;

    /** Called by the one spike thread only. */
    void add(long atEpochMillis, int site, long size) {
        int slot = count % CAPACITY;
        epochMillis[slot] = atEpochMillis;
        sites[slot] = site;
        bytes[slot] = size;
        count = count + 1;
    }

    int count() {
        return count;
    }

    List<AllocationSpikes.Spike> snapshot() {
        int written = count;
        List<AllocationSpikes.Spike> spikes = new ArrayList<>();
        for (int i = Math.max(0, written - CAPACITY); i < written; i++) {
            int slot = i % CAPACITY;
            spikes.add(new AllocationSpikes.Spike(Instant.ofEpochMilli(epochMillis[slot]),
                    AllocationSpikes.SPIKE_SITES.get(sites[slot]), bytes[slot]));
        }
        return spikes;
    }
}
