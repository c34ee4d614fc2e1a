package lesson6;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import workbench.diagnostics.sched.PinnedEvent;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;
import workbench.diagnostics.threads.Frames;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.diagnostics.threads.ThreadSnapshots;

/**
 * Exercise {@code find-the-pin} (lesson 6): a service on virtual threads whose carriers are pinned by one of its
 * sites. Name that site by what the JVM records, not by timing.
 *
 * <p>Try it in the console first: {@code /demo start carrier-service} runs the service in the lab JVM, whose Target
 * is {@code Target.current()}; restart it until a run starves its carriers by pinning. Check it with {@code /check}
 * or {@code ./workbench check find-the-pin}.
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
        // Carriers can be held two ways: pinned (JFR records it) or by a virtual thread that computes and never
        // lets go. While JFR records, sample the JSON thread dump for virtual threads running on a carrier, so a
        // run whose carriers are held by computing still names the site that holds them.
        Map<String, Integer> running = new HashMap<>();
        List<PinnedEvent> events;
        try (PinningRecorder pinning = PinningRecorder.start(service)) {
            long end = System.nanoTime() + 3_000_000_000L;
            while (System.nanoTime() < end) {
                for (ThreadRecord thread : ThreadSnapshots.dump(service).threads()) {
                    if (thread.virtual() && thread.state() == Thread.State.RUNNABLE) {
                        String site = innermostApplicationFrame(thread.stack());
                        if (site != null) {
                            running.merge(site, 1, Integer::sum);
                        }
                    }
                }
                Thread.sleep(200);
            }
            events = pinning.stop();
        }
        List<PinnedSite> sites = PinnedSite.of(events);
        if (!sites.isEmpty()) {
            return sites.getFirst().site();
        }
        // No pinned event: the carriers were held by virtual threads that never block; name where they run.
        return running.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private static String innermostApplicationFrame(List<String> stack) {
        for (String frame : stack) {
            if (!Frames.isInfrastructure(frame)) {
                int paren = frame.indexOf('(');
                return paren < 0 ? frame : frame.substring(0, paren);
            }
        }
        return null;
    }
}
