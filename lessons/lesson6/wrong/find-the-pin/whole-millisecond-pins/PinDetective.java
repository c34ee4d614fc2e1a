// Misconception: A pin's duration is a whole number of milliseconds, the resolution of Thread.sleep and of JFR's
// thresholds, so the learner sums Duration.toMillis() per event; each pin is truncated, and a site whose many pins last
// under a millisecond weighs nothing however long it holds carriers in all.
package lesson6;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.sched.PinnedEvent;
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
        Map<String, Long> heldMillis = new HashMap<>();
        for (PinnedEvent pin : pins) {
            heldMillis.merge(pin.site(), pin.duration().toMillis(), Long::sum);
        }
        return heldMillis.entrySet().stream()
                .max(Comparator.comparingLong((Map.Entry<String, Long> site) -> site.getValue())
                        .thenComparing((Map.Entry<String, Long> site) -> site.getKey(),
                                Comparator.<String>reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
