// Misconception: What pins is the native frame, so the site to name is the application method that called into
// native code (the frame just outside the foreign-function machinery); but that is a helper every native-using site
// shares, while the site is the innermost application frame, the code that blocked under the native frame.
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
        Map<String, Duration> byCaller = new LinkedHashMap<>();
        for (PinnedEvent event : events) {
            String caller = nativeCaller(event);
            if (caller != null) {
                byCaller.merge(caller, event.duration(), Duration::plus);
            }
        }
        return byCaller.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    /**
     * The application frame that made the native call holding the pin: walking out from the park, past the upcall
     * back into Java, the first application frame below the foreign-function frames. Falls back on the event's
     * site when no foreign frame is on the stack (a class initializer, say).
     */
    private static String nativeCaller(PinnedEvent event) {
        List<String> stack = event.stack();
        boolean pastNative = false;
        for (String frame : stack) {
            if (isMachinery(frame)) {
                pastNative = true;
                continue;
            }
            if (pastNative && !isJdk(frame) && !frame.contains("$$Lambda")) {
                return method(frame);
            }
        }
        // No method-handle frames recorded: the native entry is the outermost frame of the native wrapper class.
        String entry = null;
        for (String frame : stack) {
            if (isJdk(frame) || frame.contains("$$Lambda")) {
                continue;
            }
            String type = method(frame);
            type = type.substring(0, Math.max(0, type.lastIndexOf('.')));
            if (type.substring(type.lastIndexOf('.') + 1).contains("Native")) {
                entry = method(frame);
            }
        }
        if (entry != null) {
            return entry;
        }
        return event.site().equals("<jdk>") ? null : event.site();
    }

    /** The foreign-function and method-handle frames around a native call. */
    private static boolean isMachinery(String frame) {
        return frame.startsWith("jdk.internal.foreign.") || frame.startsWith("java.lang.invoke.")
                || frame.contains("invokeExact") || (frame.contains("/0x") && !frame.contains("$$Lambda"));
    }

    private static boolean isJdk(String frame) {
        return frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                || frame.startsWith("sun.") || frame.startsWith("com.sun.");
    }

    private static String method(String frame) {
        int colon = frame.lastIndexOf(':');
        return colon < 0 ? frame : frame.substring(0, colon);
    }
}
