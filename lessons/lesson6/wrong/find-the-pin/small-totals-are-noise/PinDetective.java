// Misconception: A few pins are background noise that any service has (stragglers of a previous deployment, one-off
//   pins while classes load, the recorder's own start), so "nothing pins" means no site held carriers for a
//   meaningful share of the watch: below a tenth of one carrier's time, the answer is null.
// Why plausible: the exercise redeploys the service in the same JVM and asks again, and the lesson says a CPU-bound
//   run "shows no pins at all"; with a threshold of zero JFR reports every pin however short, so a careful learner
//   guards the null answer against a stray event left over from the service that ran before.
// What it gets wrong: the JVM records a pin only when a virtual thread blocked while pinned; there is no background
//   of pins to filter, and a service that pins modestly still pins. A site whose pins held carriers 200 ms in a
//   3 s watch (two 100 ms pins, a carrier lost each time) gets null. It answers right only when the pinning site
//   holds carriers a large share of the time, as every pinning run of the demo does.
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

    private static final Duration WATCH = Duration.ofSeconds(3);
    /** Below a tenth of one carrier over the watch, pins are stragglers, not a site that pins. */
    private static final Duration NOISE = WATCH.dividedBy(10);

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all; null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        try (PinningRecorder pinning = PinningRecorder.start(service)) {   // every pin, threshold zero
            Thread.sleep(WATCH);
            List<PinnedSite> sites = PinnedSite.of(pinning.stop());       // the site that held carriers longest first
            if (sites.isEmpty() || sites.getFirst().total().compareTo(NOISE) < 0) {
                return null;   // nothing pins beyond the odd straggler
            }
            return sites.getFirst().site();
        }
    }
}
