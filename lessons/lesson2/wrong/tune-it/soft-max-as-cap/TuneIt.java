/*
 * Misconception: With ZGC the heap budget is set by -XX:SoftMaxHeapSize, which keeps the heap at 512 MiB while leaving ZGC free to avoid stalls.
 * Why a learner would believe it: The lesson's table lists SoftMaxHeapSize as the ZGC knob that the collector 'tries to stay below', which sounds like the way to express a memory budget to a concurrent collector.
 * What is actually right: SoftMaxHeapSize is only a target: without -Xmx the maximum heap is a quarter of the machine's memory and ZGC will grow past the soft limit under pressure, so a hard budget needs -Xmx512m.
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
        // A concurrent collector for short pauses; the soft maximum keeps it within the budget.
        return List.of("-XX:+UseZGC", "-XX:SoftMaxHeapSize=512m");
    }
}
