/*
 * Misconception: G1's long pauses come only from falling behind (a Full GC or an evacuation failure when a spike
 *   arrives before marking is done). Start G1's concurrent marking early with a low fixed IHOP and keep a large
 *   to-space reserve for the spikes, and G1 behaves like a concurrent collector: the old generation is cleaned in
 *   the background and only short young pauses remain.
 * Why a learner would believe it: G1's log really does show "Concurrent Mark Cycle" records (the lesson lists
 *   them as concurrent, not pauses), G1 tuning guides recommend lowering InitiatingHeapOccupancyPercent and
 *   raising G1ReservePercent to avoid "to-space exhausted" and Full GCs, and after this change the 100+ ms Full
 *   GCs do disappear from the log, which looks like the fix.
 * What is actually right: in G1 only marking is concurrent; copying (evacuation) is always done while the
 *   application is stopped. Earlier marking just means more Remark/Cleanup pauses and more mixed collections,
 *   each copying live old regions of the 150 MB cache in a stop-the-world pause, and an IHOP of 25% (128 MB) is
 *   below the live set, so marking runs back to back. The 25% reserve also takes 128 MB of the budget away from
 *   the application. Young and mixed pauses still grow with the live set and stay well above 10 ms at p99. A
 *   collector that moves objects concurrently is needed: -XX:+UseZGC (or Shenandoah) with -Xmx512m.
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
        // Budget as a hard cap. G1 marks concurrently, so start marking early (fixed IHOP, not the adaptive
        // guess that bursts throw off) and keep a generous reserve for the spikes: the old generation is then
        // cleaned in the background, no Full GC, and only short young pauses are left.
        return List.of("-XX:+UseG1GC", "-Xmx512m",
                "-XX:-G1UseAdaptiveIHOP", "-XX:InitiatingHeapOccupancyPercent=25",
                "-XX:G1ReservePercent=25");
    }
}
