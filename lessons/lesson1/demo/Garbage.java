package lesson1.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Allocations sized from this JVM's own heap pools, so that an endpoint makes the collector run every few calls
 * whatever the heap: the innocent endpoints' "occasional safepoint". Capped, so that a big heap (the console's lab
 * JVM) is not asked for gigabytes; there collections simply come less often.
 */
final class Garbage {

    private static final int CHUNK = 64 * 1024;
    private static final long CHURN_CAP = 16L << 20;
    private static final long BULK_CAP = 48L << 20;
    /** Share of the young generation one churning call fills: any three calls overflow it. */
    private static final double CHURN_SHARE = 0.4;
    /** Every this many churning calls, one builds a batch instead, from the first on. */
    private static final int BATCH_EVERY = 10;
    /** Young generations' worth one batch fills: three collections or more within that one call. */
    private static final double BATCH_SHARE = 3.5;
    private static final long BATCH_CAP = 64L << 20;
    /**
     * Shares of the old generation's free space the bulk arrays take, in turn: two large ones never fit together,
     * a small one fits beside a large one with room to spare for what young collections promote.
     */
    private static final double[] BULK_SHARES = {0.6, 0.6, 0.25};

    private final MemoryPoolMXBean young = pool("Eden");
    private final MemoryPoolMXBean old = pool("Old", "Tenured");
    private final AtomicLong churnCalls = new AtomicLong();
    private final AtomicLong bulkCalls = new AtomicLong();
    /** What the old generation held when the service started: its live set until a collection measures it. */
    private final long oldAtStart = old.getUsage().getUsed();

    /**
     * Fills about 40% of the young generation with small arrays that die at once; the first call, and every tenth
     * after it, builds a batch instead, 3.5 young generations' worth, which brings several collections within that
     * one call. Still well under one collection per call on average (about 0.7), but one call alone can show more
     * than any call of an endpoint that stops the world once per call.
     */
    Object churn() {
        boolean batch = churnCalls.getAndIncrement() % BATCH_EVERY == 0;
        return batch ? fill(Math.min(BATCH_CAP, Math.round(capacity(young) * BATCH_SHARE))) : steady();
    }

    /** Fills about 40% of the young generation with small arrays that die at once, on every call alike. */
    Object steady() {
        return fill(Math.min(CHURN_CAP, Math.round(capacity(young) * CHURN_SHARE)));
    }

    private static Object fill(long bytes) {
        byte[] last = null;
        for (long filled = 0; filled < bytes; filled += CHUNK) {
            last = new byte[CHUNK];
        }
        return last;
    }

    /**
     * Allocates one array too large for the young generation, which therefore goes straight to the old one, sized
     * from what the old generation had free after its last collection: 60%, 60%, then 25%, over and over. After a
     * collection a 60% array fits, another 60% does not; a 25% one fits beside it. So two calls of three bring a full
     * collection: a stop on most calls, as the median call sees it, yet fewer stops than calls.
     */
    Object bulk() {
        long free = capacity(old) - liveInOld();
        double share = BULK_SHARES[(int) (bulkCalls.getAndIncrement() % BULK_SHARES.length)];
        long bytes = Math.min(BULK_CAP, Math.max(capacity(young) + CHUNK, Math.round(free * share)));
        return new byte[(int) bytes];
    }

    private static long capacity(MemoryPoolMXBean pool) {
        MemoryUsage usage = pool.getUsage();
        return usage.getMax() > 0 ? usage.getMax() : usage.getCommitted();
    }

    private long liveInOld() {
        MemoryUsage afterGc = old.getCollectionUsage();
        return afterGc != null && afterGc.getUsed() > 0 ? afterGc.getUsed() : oldAtStart;
    }

    private static MemoryPoolMXBean pool(String... nameParts) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean pool : pools) {
            for (String part : nameParts) {
                if (pool.getType() == MemoryType.HEAP && pool.getName().contains(part)) {
                    return pool;
                }
            }
        }
        throw new IllegalStateException("no heap pool named like " + String.join(" or ", nameParts) + " in " + pools);
    }
}
