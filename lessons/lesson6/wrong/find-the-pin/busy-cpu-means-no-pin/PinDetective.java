// Misconception: Carriers are held either by computing or by pinning, never both, and the CPU figure says which: when
//   the service's CPU over the watch is near the processors, its carriers are computing and nothing pins (null);
//   only a service whose CPU is low is asked for its pinned sites.
// Why plausible: the lesson's trace reading says "The cpu figure then says why. Near 2/2, the carriers are computing.
//   Near zero, they are held by virtual threads that do nothing at all: pinned", its table of causes pairs "cpu near
//   the processors, no pins" with CPU-bound work and "cpu low, pinned events" with native callbacks, and the
//   exercise's last case is a service whose carriers are "now held by computing" that must answer null.
// What it gets wrong: the causes are not exclusive. A service that pins at one site while other requests (or other
//   work in the same JVM, GC threads included) keep the processors busy gets null, though JFR holds its pins. The
//   CPU gate only agrees with the pinned events on services that do one thing at a time, as the demo's plans do.
package lesson6;

import java.io.IOException;
import java.util.List;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 */
public final class PinDetective {

    /** Processors' worth of CPU, as a share of the processors, from which the carriers count as computing. */
    private static final double COMPUTING = 0.75;

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all; null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        try (SchedReader scheduler = SchedReader.open(service);
             PinningRecorder pinning = PinningRecorder.start(service)) {   // every pin, threshold zero
            Thread.sleep(3_000);
            SchedLine watch = scheduler.read();   // its cpu covers the whole watch, since the reader opened
            List<PinnedSite> sites = PinnedSite.of(pinning.stop());
            if (watch.cpuCores() >= COMPUTING * watch.processors()) {
                return null;   // cpu near the processors: the carriers are computing, not pinned
            }
            return sites.isEmpty() ? null : sites.getFirst().site();
        }
    }
}
