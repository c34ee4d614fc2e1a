/*
 * Misconception: With a concurrent collector pauses no longer depend on the heap, so the heap need only cover the live set, and a smaller heap than the budget is the safer, leaner choice.
 * Why a learner would believe it: ZGC's pauses are fixed, tiny steps whatever the heap, the service's live set is about 150 MB, and 256 MiB leaves what looks like 100 MB of room while staying well inside 512 MiB.
 * What is actually right: A concurrent collector needs headroom for what the application allocates while a cycle runs; at 256 MiB the bursts outrun ZGC and it stalls allocating threads (or finally throws OutOfMemoryError), so give it the whole budget, -Xmx512m.
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
        // ZGC: pauses do not grow with the heap. The live set is ~150 MB, so 256 MiB is plenty.
        return List.of("-XX:+UseZGC", "-Xmx256m");
    }
}
