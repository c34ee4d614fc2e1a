// Misconception: A site's time in all is the wall time during which it held at least one carrier, so the learner merges
// each site's overlapping pins on a timeline; carrier time adds up across carriers, and a site whose pins pile up on
// many carriers at once is weighed as one carrier's worth.
package lesson6;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
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
        Map<String, List<PinnedEvent>> bySite = new LinkedHashMap<>();
        for (PinnedEvent pin : pins) {
            bySite.computeIfAbsent(pin.site(), site -> new ArrayList<>()).add(pin);
        }
        String worst = null;
        long worstNanos = -1;
        for (Map.Entry<String, List<PinnedEvent>> site : bySite.entrySet()) {
            long held = heldNanos(site.getValue());
            if (held > worstNanos || (held == worstNanos && site.getKey().compareTo(worst) < 0)) {
                worst = site.getKey();
                worstNanos = held;
            }
        }
        return worst;
    }

    /** The time during which the site's pins held carriers, each stretch of the timeline counted once. */
    private static long heldNanos(List<PinnedEvent> pins) {
        List<PinnedEvent> byStart = new ArrayList<>(pins);
        byStart.sort(Comparator.comparing(PinnedEvent::start));
        long held = 0;
        Instant from = null;
        Instant to = null;
        for (PinnedEvent pin : byStart) {
            Instant start = pin.start();
            Instant end = start.plus(pin.duration());
            if (to == null || start.isAfter(to)) {
                if (to != null) {
                    held += java.time.Duration.between(from, to).toNanos();
                }
                from = start;
                to = end;
            } else if (end.isAfter(to)) {
                to = end;
            }
        }
        if (to != null) {
            held += java.time.Duration.between(from, to).toNanos();
        }
        return held;
    }
}
