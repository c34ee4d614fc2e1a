package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 */
public final class PinDetective {

    /** Long enough for a few of JFR's flushes, which come about once a second. */
    private static final Duration WATCH = Duration.ofSeconds(3);

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all: the innermost frame of the application's own code in a pinned virtual thread's stack, as
     * {@code class.method} (for example {@code lesson6.demo.Geocoder.work}); null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        try (PinningRecorder pinning = PinningRecorder.start(service)) {
            Thread.sleep(WATCH);
            List<PinnedSite> sites = PinnedSite.of(pinning.stop());
            return sites.isEmpty() ? null : sites.getFirst().site();
        }
    }
}
