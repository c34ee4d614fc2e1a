package lesson6;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import workbench.diagnostics.sched.PinnedEvent;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;

/** Groups every pinned event by the frame at the top of its stack, where the pinned thread was. */
public final class PinDetective {

    private PinDetective() {}

    public static String pinningSite(Target service) throws IOException, InterruptedException {
        Map<String, Long> nanosByFrame = new HashMap<>();
        try (PinningRecorder pinning = PinningRecorder.start(service)) {
            Thread.sleep(3_000);
            for (PinnedEvent event : pinning.stop()) {
                if (!event.stack().isEmpty()) {
                    String top = event.stack().getFirst();
                    nanosByFrame.merge(top.substring(0, top.lastIndexOf(':')), event.duration().toNanos(), Long::sum);
                }
            }
        }
        return nanosByFrame.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }
}
