package lesson2;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-spike} (lesson 2): a service allocates steadily and, now and then, in bursts.
 * Watch it with the library's live streams and tell when each burst happened and which call site made it.
 *
 * <p>Try the approach in the console first: {@code /demo start allocation-spikes}, then the snippets of
 * "Finding a spike" with {@code Target.current()}, and compare what you see with
 * {@code ((AllocationSpikes) Demos.get("allocation-spikes")).spikes()}.
 * Check it with {@code /check} or {@code ./workbench check find-the-spike}.
 */
public final class SpikeFinder {

    /**
     * One allocation spike.
     *
     * @param at   when the burst began
     * @param site the call site that allocated it, as {@code Class.method} of the application's frame,
     *             such as {@code ReportRenderer.render}; a package in front is fine
     */
    public record Spike(Instant at, String site) {
    }

    private SpikeFinder() {
    }

    /**
     * Watches the target for {@code watch} and returns the allocation spikes it saw, in time order. When the
     * target is this JVM, the watching allocates too: what this thread and the library's stream allocate is
     * not the service's doing.
     *
     * @param target the JVM to watch
     * @param watch  how long to watch; return soon after it has passed
     */
    public static List<Spike> findSpikes(Target target, Duration watch) throws Exception {
        // TODO: date the bursts with an exact counter (the library's Sampler reading jvm.memory.allocated every
        //  100 ms or so), and name who made each one with JFR allocation events recorded over the same watch
        //  (throttled samples, or every allocation too large for a TLAB, which no burst slips between): the site
        //  that allocated far more during the burst than it usually does (lesson 2, "Finding a spike").
        return List.of();
    }
}
