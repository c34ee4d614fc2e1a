package lesson5;

import java.time.Duration;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * Exercise {@code alert-message} (lesson 5): a pager that wakes someone for every spike of heap used and tells
 * them nothing they can act on. Make it page only for a leak, and say what grows, how fast, and by when.
 *
 * <p>Check it with {@code /check} or {@code ./workbench check alert-message}.
 */
public final class HeapPager {

    private HeapPager() {}

    /**
     * The page to send about the watched service, or null to send none.
     *
     * <p>A page names the heap's live set, how fast it grows in MB a second, and in how many seconds it reaches
     * the heap's maximum at that pace, in this form (round the numbers as you like):
     * {@code heap live set growing 4.2 MB/s; reaches the 256 MB maximum in about 41 s}
     *
     * @param watched      a stopped sampler that read the service several times a second for several
     *                     seconds; each point carries the time it was read
     * @param maxHeapBytes the service's maximum heap ({@code -Xmx})
     */
    public static String page(Sampler watched, long maxHeapBytes) {
        // TODO: this pages whenever heap used crossed a line, garbage included, and says nothing a person can act
        //  on (lesson 5, 'Sawtooth and live set' and 'Alerts a person can act on'). Page only while the live set
        //  keeps growing, and say how fast and by when, in the form above.
        TimeSeries used = watched.series("jvm.memory.used", Attributes.of("jvm.memory.type", "heap"));
        if (used.max(Duration.ofMinutes(1)) > 0.4 * maxHeapBytes) {
            return "Heap usage high";
        }
        return null;
    }
}
