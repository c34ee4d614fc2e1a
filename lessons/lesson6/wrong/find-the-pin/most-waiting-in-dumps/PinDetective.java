// Misconception: A pinned virtual thread is one that is blocked while it holds its carrier, so the site where the
// most virtual threads sit blocked in thread dumps is the one starving the carriers; but a dump cannot tell pinned
// from blocked, and the site that waits longest inside synchronized (which no longer pins) tops the count.
package lesson6;

import java.io.IOException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshot;
import workbench.diagnostics.threads.ThreadSnapshots;

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
        // JSON dumps see virtual threads and stop nobody; sample them for three seconds.
        Map<String, Integer> blockedBySite = new HashMap<>();
        for (int i = 0; i < 15; i++) {
            ThreadSnapshot dump = ThreadSnapshots.dump(service);
            for (ThreadRecord thread : dump.threads()) {
                if (!thread.virtual() || thread.state() == Thread.State.RUNNABLE
                        || thread.state() == Thread.State.NEW || thread.state() == Thread.State.TERMINATED) {
                    continue;
                }
                String site = innermostApplicationFrame(thread);
                if (site != null) {
                    blockedBySite.merge(site, 1, Integer::sum);
                }
            }
            Thread.sleep(200);
        }
        return blockedBySite.entrySet().stream().max(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The innermost frame of application code, as class.method; null when every frame is the JDK's. */
    private static String innermostApplicationFrame(ThreadRecord thread) {
        for (String frame : thread.stack()) {
            if (frame.startsWith("java.") || frame.startsWith("javax.") || frame.startsWith("jdk.")
                    || frame.startsWith("sun.") || frame.startsWith("com.sun.") || frame.contains("$$Lambda")) {
                continue;
            }
            int paren = frame.indexOf('(');
            return paren < 0 ? frame : frame.substring(0, paren);
        }
        return null;
    }
}
