// Misconception: A pinned event's site is where the pinned work comes from, the outermost application frame, as
// lesson 3's thread origin() was for pool workers; but the bottom of every pinned stack is the request dispatch all
// sites share, so this names the dispatcher, not the site that blocked under the native frame.
package lesson6;

import java.io.IOException;
import java.time.Duration;
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
     * longest in all, as {@code class.method}; null when nothing pins.
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        List<PinnedEvent> events;
        try (PinningRecorder pinning = PinningRecorder.start(service)) {
            Thread.sleep(3_000);
            events = pinning.stop();
        }
        // Weigh every origin by the time its pins held carriers.
        Map<String, Duration> byOrigin = new LinkedHashMap<>();
        for (PinnedEvent event : events) {
            String origin = origin(event.stack());
            if (origin != null) {
                byOrigin.merge(origin, event.duration(), Duration::plus);
            }
        }
        return byOrigin.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /** The outermost application frame ({@code class.method}): the task the virtual thread was started for. */
    private static String origin(List<String> stack) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            String frame = stack.get(i);
            if (frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                    || frame.startsWith("sun.") || frame.startsWith("com.sun.") || frame.contains("$$Lambda")) {
                continue;
            }
            int colon = frame.lastIndexOf(':');
            return colon < 0 ? frame : frame.substring(0, colon);
        }
        return null;
    }
}
