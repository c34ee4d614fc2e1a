// Misconception: The pinning site is the one with the most jdk.VirtualThreadPinned events, as a profiler's "top
// site" is the one with the most samples; the learner counts pins instead of weighing them by the time each held
// its carrier, so many brief pins outrank fewer long ones that hold carriers longer in all.
package lesson6;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 */
public final class PinDetective {

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all, as {@code class.method}; null when nothing pins.
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        try (PinningRecorder pinning = PinningRecorder.start(service)) {
            Thread.sleep(3_000);
            List<PinnedSite> sites = PinnedSite.of(pinning.stop());
            // The site that pins most often is the one that keeps stealing carriers.
            return sites.stream()
                    .filter(site -> !site.site().equals("<jdk>"))
                    .max(Comparator.comparingInt(PinnedSite::count))
                    .map(PinnedSite::site)
                    .orElse(null);
        }
    }
}
