// Misconception: The more pinned events the better the evidence, so the learner keeps one recorder per JVM running
// across calls; each answer then weighs every pin since the first call, and after the service changes in the same JVM
// it still names the site that pinned before.
package lesson6;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 */
public final class PinDetective {

    /** How long each call watches the service, on top of whatever was recorded before. */
    private static final long WATCH_MILLIS = 3_000;

    /** One recorder per JVM, by pid, left running: every pin it ever saw counts. */
    private static final Map<Long, PinningRecorder> RECORDERS = new ConcurrentHashMap<>();

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all: the innermost frame of the application's own code in a pinned virtual thread's stack, as
     * {@code class.method} (for example {@code lesson6.demo.Geocoder.work}); null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        PinningRecorder recorder;
        try {
            recorder = RECORDERS.computeIfAbsent(service.pid(), pid -> {
                try {
                    return PinningRecorder.start(service);   // every pin, however short
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        Thread.sleep(WATCH_MILLIS);
        List<PinnedSite> sites = recorder.sites();   // by total time held, longest first
        return sites.isEmpty() ? null : sites.getFirst().site();
    }
}
