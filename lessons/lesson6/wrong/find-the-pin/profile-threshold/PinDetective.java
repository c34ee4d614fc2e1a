// Misconception: Record pinning the way production does, with JFR's own "profile" settings for
// jdk.VirtualThreadPinned, on the belief that pins below its threshold are too short to matter; here the site that
// holds carriers longest pins hundreds of times a second for under 20 ms each, so only a decoy's rare long pins are
// recorded, and that decoy is named.
package lesson6;

import java.io.IOException;
import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Configuration;
import workbench.diagnostics.sched.PinnedSite;
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
        // Use JFR's tuned profiling threshold rather than recording every microsecond-long blip.
        Duration threshold = profileThreshold();
        try (PinningRecorder pinning = PinningRecorder.start(service, threshold)) {
            Thread.sleep(3_000);
            List<PinnedSite> sites = PinnedSite.of(pinning.stop());
            return sites.isEmpty() ? null : sites.getFirst().site();
        }
    }

    private static Duration profileThreshold() throws IOException {
        try {
            String setting = Configuration.getConfiguration("profile").getSettings()
                    .getOrDefault("jdk.VirtualThreadPinned#threshold", "20 ms").trim();
            String[] parts = setting.split("\\s+");
            long amount = Long.parseLong(parts[0]);
            String unit = parts.length > 1 ? parts[1] : "ms";
            return switch (unit) {
                case "ns" -> Duration.ofNanos(amount);
                case "us" -> Duration.ofNanos(amount * 1_000);
                case "s" -> Duration.ofSeconds(amount);
                default -> Duration.ofMillis(amount);
            };
        } catch (ParseException | NumberFormatException e) {
            return Duration.ofMillis(20);
        }
    }
}
