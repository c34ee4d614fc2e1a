package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 *
 * <p>Try it in the console first: {@code /demo start carrier-service} runs the service in the lab JVM, whose Target
 * is {@code Target.current()}; restart it until a run starves its carriers by pinning. Check it with {@code /check}
 * or {@code ./workbench check find-the-pin}.
 */
public final class PinDetective {

    private static final String PINNED = "jdk.VirtualThreadPinned";

    /** A service that pins thousands of times a second would fill memory with stacks: keep a window per site. */
    private static final int KEEP_PER_SITE = 200;

    private PinDetective() {}

    /**
     * Names the site of the service where virtual threads block while pinned to their carriers, holding them the
     * longest in all: the innermost frame of the application's own code in a pinned virtual thread's stack, as
     * {@code class.method} (for example {@code lesson6.demo.Geocoder.work}); null when nothing pins.
     *
     * @param service the JVM that runs the service; its requests arrive by themselves
     */
    public static String pinningSite(Target service) throws IOException, InterruptedException {
        Map<String, ArrayDeque<Duration>> recent = new HashMap<>();
        try (JfrStream stream = JfrStream.open(service)) {
            // every pin, however short: JFR's own 20 ms threshold would hide the ones that matter
            stream.enable(PINNED).withThreshold(Duration.ZERO).withStackTrace();
            stream.onEvent(PINNED, event -> {
                String site = siteOf(event);
                synchronized (recent) {
                    ArrayDeque<Duration> pins = recent.computeIfAbsent(site, s -> new ArrayDeque<>());
                    pins.addLast(event.getDuration());
                    if (pins.size() > KEEP_PER_SITE) {
                        pins.removeFirst();
                    }
                }
            });
            stream.startAsync();
            Thread.sleep(3_000);
            stream.stop();
        }
        String worst = null;
        Duration longest = Duration.ZERO;
        synchronized (recent) {
            for (Map.Entry<String, ArrayDeque<Duration>> site : recent.entrySet()) {
                Duration total = Duration.ZERO;
                for (Duration pin : site.getValue()) {
                    total = total.plus(pin);
                }
                if (total.compareTo(longest) > 0) {
                    longest = total;
                    worst = site.getKey();
                }
            }
        }
        return worst;
    }

    /** The innermost frame of application code, as class.method. */
    private static String siteOf(RecordedEvent event) {
        RecordedStackTrace trace = event.getStackTrace();
        if (trace != null) {
            for (RecordedFrame frame : trace.getFrames()) {
                if (!frame.isJavaFrame()) {
                    continue;
                }
                String name = frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
                if (!Frames.isInfrastructure(name)) {
                    return name;
                }
            }
        }
        return "<jdk>";
    }
}
