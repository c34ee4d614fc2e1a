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
 *
 * <p>The hidden checks start the service in a fresh JVM with your flags, under a random load, and measure.
 * Try flags yourself first: run {@code lesson2.demo.AllocationSpikes} with {@code -Xlog:gc} and
 * {@code --live-mb 150 --steady-mb-per-second 60 --spike-mb 60-160 --gap-ms 800-1600 --site any}, or use
 * {@code LabProcess} from the console. Check it with {@code /check} or {@code ./workbench check tune-it}.
 */
public final class TuneIt {

    private TuneIt() {
    }

    /** The JVM flags for the service, such as {@code -Xmx...} and a collector's {@code -XX:+Use...GC}. */
    public static List<String> jvmFlags() {
        // The default collector with the whole budget, most of it young: young collections copy only what
        // survives, so with room for a whole burst in the young generation every pause stays a short young one.
        return List.of("-XX:+UseG1GC", "-Xms512m", "-Xmx512m", "-Xmn400m");
    }
}
