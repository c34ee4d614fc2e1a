// Misconception: A pin inside a class initializer is one-off start-up noise, since a class initializes once, so the
// learner sets aside events whose reason names a <clinit>; an initializer that blocks holds its carrier for as long as
// it blocks, and when such pins hold carriers the longest the answer names a decoy.
package lesson6;

import java.io.IOException;
import java.util.List;
import workbench.diagnostics.sched.PinnedEvent;
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
     * longest in all: the innermost frame of the application's own code in a pinned virtual thread's stack, as
     * {@code class.method} (for example {@code lesson6.demo.Geocoder.work}); null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        List<PinnedEvent> pins;
        try (PinningRecorder pinning = PinningRecorder.start(service)) {   // every pin, however short
            Thread.sleep(3_000);
            pins = pinning.stop();
        }
        List<PinnedEvent> steady = pins.stream().filter(pin -> !initializingClass(pin)).toList();
        List<PinnedSite> sites = PinnedSite.of(steady);   // by total time held, longest first
        return sites.isEmpty() ? null : sites.getFirst().site();
    }

    /** A pin of a class initializer: it happens once, when the class is first used. */
    private static boolean initializingClass(PinnedEvent pin) {
        return (pin.reason() != null && pin.reason().contains("<clinit>")) || pin.site().endsWith(".<clinit>");
    }
}
