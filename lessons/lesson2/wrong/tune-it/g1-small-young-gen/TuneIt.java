/*
 * Misconception: a young collection's pause is proportional to the size of the young generation, so keeping
 *   G1 (the default, "short pauses") and fixing a small young generation with -Xmn gives many small, short pauses
 *   well under 10 ms, with the rest of the 512 MiB left to the old generation for the cache and the spikes.
 * Why a learner would believe it: it is folk wisdom that "a big Eden means long young GCs"; the lesson says G1
 *   "sizes the young generation to meet" its pause goal, which suggests the young size is what sets the pause,
 *   and sizing it by hand looks like doing G1's job more firmly. In a short run the first young pauses do shrink.
 * What is actually right: a young pause copies what survives, not what died (the lesson's garbage-pause-cost
 *   prediction), and here nearly every cache entry survives; a tiny young generation only collects more often,
 *   overflows the survivor spaces and promotes the cache churn early. -Xmn also turns off G1's adaptive young
 *   sizing and its pause-time goal. The old generation then fills with dead cache entries and humongous spike
 *   arrays, so concurrent cycles, mixed collections (copying old live data while stopped) and, with 160 MB
 *   spikes, evacuation failures and Full GCs of the whole live set follow: pauses of tens to hundreds of ms.
 *   G1 copies the live set while the application is stopped whatever the young size; with a large live set the
 *   answer is a concurrent collector with the whole budget as headroom: -XX:+UseZGC -Xmx512m.
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
        // Hard cap at the budget; G1 with a small, fixed young generation: each young pause only has 32 MB
        // of Eden to go through, so it stays short, and the old generation gets the rest for the cache.
        return List.of("-XX:+UseG1GC", "-Xmx512m", "-Xms512m", "-Xmn32m");
    }
}
