/*
 * Misconception: The heap budget can be expressed as a share of the machine's memory with -XX:MaxRAMPercentage, picked so that it comes to just under 512 MiB.
 * Why a learner would believe it: Container guides size heaps with MaxRAMPercentage rather than -Xmx, and on the learner's 24 GiB machine 2 percent gives a maximum heap of about 484 MiB, which the demo's 'max heap' line confirms.
 * What is actually right: A percentage is only a budget on one machine: on a bigger host the same flag allows gigabytes, so a heap that can never exceed 512 MiB needs an absolute -Xmx512m.
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
        // ZGC for short pauses; 2% of this machine's 24 GiB is ~484 MiB, under the 512 MiB budget.
        return List.of("-XX:+UseZGC", "-XX:MaxRAMPercentage=2");
    }
}
