package lesson5;

import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Sampler;

/**
 * Exercise {@code heap-leak-alert} (lesson 5): an alert rule for a heap leak that stays silent on healthy noise.
 */
public final class HeapLeakAlert {

    private static final double MB = 1 << 20;
    private static final Attributes HEAP = Attributes.of("jvm.memory.type", "heap");
    /** The live set only means something right after a collection: need a few of them to judge. */
    private static final int MIN_COLLECTIONS = 4;
    /** A leak lifts the live set at (nearly) every collection; noise goes up as often as down. */
    private static final double RISING_SHARE = 0.75;
    /** And over the window it must have grown by something, not by a few bytes of wobble. */
    private static final double MIN_GROWTH_MB = 4;

    private HeapLeakAlert() {}

    public static boolean firing(Sampler watched) {
        // One reading of the live set per collection: the snapshot right after jvm.gc.duration's count moved.
        // Between collections the value is stale ("not measured since"), so those samples must not count.
        List<Double> afterEachCollection = new ArrayList<>();
        long lastCount = -1;
        for (Snapshot snapshot : watched.snapshots()) {
            long count = snapshot.count("jvm.gc.duration");
            double live = snapshot.value("jvm.memory.used_after_last_gc", HEAP);
            if (Double.isNaN(live)) {
                continue;
            }
            if (lastCount >= 0 && count > lastCount) {
                afterEachCollection.add(live);
            }
            lastCount = count;
        }
        if (afterEachCollection.size() < MIN_COLLECTIONS) {
            return false;
        }
        int rises = 0;
        int falls = 0;
        for (int i = 1; i < afterEachCollection.size(); i++) {
            double change = afterEachCollection.get(i) - afterEachCollection.get(i - 1);
            if (change > 0) {
                rises++;
            } else if (change < 0) {
                falls++;
            }
        }
        if (rises + falls == 0) {
            return false;
        }
        double growth = afterEachCollection.getLast() - afterEachCollection.getFirst();
        // "For a duration": the live set kept rising, collection after collection, not once.
        return (double) rises / (rises + falls) >= RISING_SHARE && growth / MB > MIN_GROWTH_MB;
    }
}
