// Misconception: The pinning site is the one whose pins last longest, as the worst pause is what one looks at in a
// GC log; the learner ranks sites by their longest pin instead of by the time all their pins held carriers, so a
// site that pins for tens of milliseconds a few times a second outranks one that pins for a few every moment.
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
            // The site with the worst pin is the one that starves the others.
            return sites.stream()
                    .filter(site -> !site.site().equals("<jdk>"))
                    .max(Comparator.comparing(PinnedSite::longest))
                    .map(PinnedSite::site)
                    .orElse(null);
        }
    }
}
