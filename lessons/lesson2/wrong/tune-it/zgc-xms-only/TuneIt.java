/*
 * Misconception: -Xms sets "the heap size", so -Xms512m (committed and pre-touched up front) pins the heap at
 *   512 MiB, and -Xmx is redundant once the whole budget is already reserved at start.
 * Why a learner would believe it: the lesson's table says "-Xms = -Xmx avoids resizing", and people commonly
 *   speak of "-Xms512m" as "a 512 MB heap". With ZGC picked as the hint says and the whole 512 MiB committed and
 *   pre-touched at start, the GC log shows sub-millisecond pauses and a 512M committed heap, so it looks done.
 * What is actually right: -Xms is only the initial (minimum committed) size. Without -Xmx the maximum is the
 *   ergonomic default, a quarter of the machine's memory (or -Xms if that is larger), so on a 16 GiB machine ZGC
 *   may grow the heap to 4 GiB: the demo's "max heap" line shows it. The budget is a maximum and needs a hard cap:
 *   -XX:+UseZGC -Xmx512m (optionally with -Xms512m as well).
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
        // A concurrent collector, so pauses do not grow with the 150 MB cache, and the whole 512 MiB budget
        // committed and touched at start-up: the heap is fixed at the budget and never has to resize.
        return List.of("-XX:+UseZGC", "-Xms512m", "-XX:+AlwaysPreTouch");
    }
}
