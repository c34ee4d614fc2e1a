package lesson5.checks;

import java.time.Duration;
import java.util.List;
import lesson5.demo.Plan;

/**
 * One run of {@code watched-service} that a check watches: what its heap and its threads do, which they do
 * independently, the JVM flags it runs with, and the plan it follows.
 *
 * @param heap         what the heap does
 * @param threads      what the threads do
 * @param flags        the JVM's flags: collector and heap sizes
 * @param maxHeapBytes the JVM's maximum heap ({@code -Xmx})
 * @param plan         what the service does
 * @param watched      how long its sampler reads it, from the opening of the window all runs share
 */
record Scene(HeapShape heap, ThreadShape threads, List<String> flags, long maxHeapBytes, Plan plan,
             Duration watched) {

    /** What a run's heap does over the window. */
    enum HeapShape {
        /** The live set grows steadily: a cache that only grows. */
        GROWING,
        /** Bursts and garbage, the live set level. */
        STEADY,
        /**
         * A cache warming up slowly and another loaded once, early in the window: the live set steps up, stays and
         * creeps up.
         */
        STEPPED,
        /** No collection runs in the window: heap used climbs with garbage while the live set stays level. */
        QUIET,
        /**
         * Young collections promote bursts that die in the old generation, and no full collection runs in the window:
         * the old generation's used climbs with garbage while the live set stays level.
         */
        PROMOTING,
        /**
         * A cache warming up below a leak's pace, and a tall burst held through the end of the window: the live set
         * jumps at the end, then falls back.
         */
        SPIKED_AT_END,
        /** A small service whose cache warms up slowly: the live set rises a little at every collection. */
        WARMING,
        /**
         * A batch's results fill a cache at a leak's pace for most of the window and are flushed near its end: the
         * live set climbs fast, then falls back.
         */
        FLUSHED,
        /** A cache sized to fill most of the heap: the live set high, above 90% of the maximum, and level. */
        FULL_AND_LEVEL
    }

    /** What a run's threads do over the window. */
    enum ThreadShape {
        /** Threads that never end, started at a steady pace. */
        STUCK,
        /** Threads that never end, started at a steady pace, each in the next of several states in turn. */
        STUCK_SPREAD,
        /** Threads that never end, started at a steady pace, in a busy service with as many idle as a healthy one. */
        STUCK_BUSY,
        /** Pools that grow and shrink, their floor level. */
        STEADY,
        /** A pool resized once, in the middle of the window: the floor steps up and stays there. */
        RESIZED,
        /** A pool filling up slowly, and a flood of tasks at the end of the window that doubles the count. */
        SURGING
    }
}
