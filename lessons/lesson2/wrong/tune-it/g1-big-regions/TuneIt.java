/*
 * Misconception: The long pauses come from humongous allocations, so making G1's regions big enough that the bursts' arrays are no longer humongous fixes them within the 512 MiB budget.
 * Why a learner would believe it: The lesson points out that the demo's arrays are humongous under G1 (bigger than half a region, allocated straight into the old generation) and the log shows 'G1 Humongous Allocation' as the cause of many collections.
 * What is actually right: Humongous objects change where the bursts land, not what a stop-the-world collector must copy and compact: with a large live set G1's pauses stay long whatever the region size; choose a collector that marks and moves concurrently (ZGC or Shenandoah) with -Xmx512m.
 */
package lesson2;

import java.util.List;

/**
 * Exercise {@code tune-it} (lesson 2): the allocation-spikes service keeps a large cache and allocates in
 * bursts. Choose the JVM flags it runs with so that
 * <ul>
 *   <li>its GC pauses meet a p99 target of 10 ms,</li>
 *   <li>its heap can never grow beyond a budget of 512 MiB, and</li>
 *   <li>it does not run out of memory.</li>
 * </ul>
 */
public final class TuneIt {

    private TuneIt() {
    }

    /** The JVM flags for the service, such as {@code -Xmx...} and a collector's {@code -XX:+Use...GC}. */
    public static List<String> jvmFlags() {
        // 32 MiB regions: the bursts' arrays (up to 4 MiB) stay below half a region, so none is humongous.
        return List.of("-XX:+UseG1GC", "-Xmx512m", "-XX:G1HeapRegionSize=32m");
    }
}
