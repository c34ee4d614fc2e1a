// Misconception: For a pin inside a class initializer, the site is the initializer itself (X.<clinit>), the place the
//   pin reason names and the fix goes ("no waiting in static initializers"); only for a native pin is the site the
//   application frame that blocked.
// Why plausible: JDK 25 gives such pins the reason "VM call to X.<clinit> on stack", and the lesson's table of fixes
//   says "blocking in a class initializer | pinned events at <clinit>". The innermost application frame sounds like
//   the rule for native callbacks, where no such frame is named.
// What it gets wrong: the site asked for is the innermost application frame where the virtual thread blocked; a
//   plugin's initializer that runs the request's work blocks in that work's method (lesson6.demo.X.work), not in
//   the initializer. In a run that pins inside a class initializer it names lesson6.demo.TenantPlugin.<clinit>, and
//   if several sites load plugins it merges them all into that one initializer. Native-callback runs come out right.
package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.sched.PinnedEvent;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 */
public final class PinDetective {

    private static final String INITIALIZER = ".<clinit>";

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all; null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        List<PinnedEvent> pins;
        try (PinningRecorder pinning = PinningRecorder.start(service)) {   // every pin, threshold zero
            Thread.sleep(3_000);
            pins = pinning.stop();
        }
        Map<String, Duration> heldBySite = new HashMap<>();
        for (PinnedEvent pin : pins) {
            heldBySite.merge(siteOf(pin), pin.duration(), Duration::plus);
        }
        String longest = null;
        for (Map.Entry<String, Duration> site : heldBySite.entrySet()) {
            if (longest == null || site.getValue().compareTo(heldBySite.get(longest)) > 0) {
                longest = site.getKey();
            }
        }
        return longest;   // null when nothing pinned
    }

    /**
     * Where a pin comes from: for a pin inside a class initializer, the application's initializer on the stack (the
     * one the reason names); otherwise the innermost application frame, where the thread blocked.
     */
    private static String siteOf(PinnedEvent pin) {
        for (String frame : pin.stack()) {   // innermost first, class.method:line
            if (Frames.isInfrastructure(frame)) {
                continue;
            }
            int colon = frame.lastIndexOf(':');
            String method = colon < 0 ? frame : frame.substring(0, colon);
            if (method.endsWith(INITIALIZER)) {
                return method;
            }
        }
        return pin.site();
    }
}
