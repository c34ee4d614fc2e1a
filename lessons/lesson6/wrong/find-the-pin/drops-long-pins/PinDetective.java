package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import workbench.diagnostics.sched.PinnedEvent;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 *
 * <p>Try it in the console first: {@code /demo start carrier-service} runs the service in the lab JVM, whose Target
 * is {@code Target.current()}; restart it until a run starves its carriers by pinning. Check it with {@code /check}
 * or {@code ./workbench check find-the-pin}.
 */
public final class PinDetective {

    /**
     * JFR's own configurations only record pins from 20 ms on; the pins that matter are the ones below that,
     * which a default recording never shows. Longer ones are the rare, slow pins that look guilty and are not.
     */
    private static final Duration DEFAULT_JFR_THRESHOLD = Duration.ofMillis(20);

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
            Thread.sleep(3_000);
            List<PinnedEvent> shortPins = pinning.stop().stream()
                    .filter(pin -> pin.duration().compareTo(DEFAULT_JFR_THRESHOLD) < 0)
                    .toList();
            List<PinnedSite> sites = PinnedSite.of(shortPins);
            return sites.isEmpty() ? null : sites.getFirst().site();
        }
    }
}
