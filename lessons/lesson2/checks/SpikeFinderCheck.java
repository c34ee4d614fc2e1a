package lesson2.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jfr.FlightRecorder;
import jdk.jfr.RecordingState;
import lesson2.SpikeFinder;
import lesson2.SpikeFinder.Spike;
import lesson2.demo.AllocationSpikes;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code find-the-spike}: the demo runs in this JVM with a random culprit, random
 * spike sizes and a random schedule, over a steady load of random rate that allocates more in total than the
 * spikes do. Every spike must be found within a second, once, with its call site, and nothing else reported.
 */
class SpikeFinderCheck {

    private static final Duration WATCH = Duration.ofSeconds(7);
    /** Allocation samples and slices date a burst to within a few hundred milliseconds. */
    private static final Duration CLOSE = Duration.ofSeconds(1);
    /** Time for a fresh stream to deliver its first samples. */
    private static final Duration SETTLING = Duration.ofMillis(500);
    /** A spike that starts this close to the end of the watch may not have shown yet. */
    private static final Duration TRAILING = Duration.ofMillis(1200);
    private static final String WHEN = "Lesson 2, 'Finding a spike': a spike is a short stretch in which the JVM"
            + " allocates far more than it usually does; date it with an exact counter read every 100 ms or so,"
            + " not with sample weights";
    private static final String ONCE = "Lesson 2, 'Finding a spike': a burst often spans two or three ticks of the"
            + " counter; consecutive busy ticks are one spike";
    private static final String WHERE = "Lesson 2, 'Finding a spike': name the site that allocated the most during"
            + " the burst itself, by the first frame of its stack that belongs to the application, not the JDK"
            + " method that made the array";

    private final Random random = new Random();

    @Test
    void findsTheSpikesOfRandomSites() throws Exception {
        check(AllocationSpikes.SPIKE_SITES.get(random.nextInt(AllocationSpikes.SPIKE_SITES.size())));
    }

    @Test
    void namesTheSiteBehindJdkHelpers() throws Exception {
        check(random.nextBoolean() ? "CsvExport.write" : "ThumbnailCache.load");
    }

    private void check(String culprit) throws Exception {
        int steadyMbPerSecond = 50 + random.nextInt(41);
        AllocationSpikes.Settings settings = new AllocationSpikes.Settings(random.nextLong(), 16, steadyMbPerSecond,
                25, 60, Duration.ofMillis(1200 + random.nextInt(300)), Duration.ofMillis(2000 + random.nextInt(500)),
                culprit);
        List<Spike> reported;
        List<AllocationSpikes.Spike> happened;
        Instant start;
        AtomicReference<Instant> recording = new AtomicReference<>();
        Thread watcher = Thread.ofVirtual().start(() -> awaitRecording(recording));
        try (AllocationSpikes demo = new AllocationSpikes(settings)) {
            demo.start();
            start = Instant.now();
            reported = SpikeFinder.findSpikes(Target.current(), WATCH);
            happened = demo.spikes();
        } finally {
            watcher.interrupt();
        }
        Instant end = start.plus(WATCH);
        // Spikes before the learner's recording began could not be seen; the first samples need a moment.
        Instant visible = (recording.get() == null ? start : recording.get()).plus(SETTLING);
        Feedback.check(reported != null && !reported.isEmpty(),
                "Your method reported no spikes, though the demo spiked during the watch.",
                WHEN);
        List<AllocationSpikes.Spike> matched = new ArrayList<>();
        for (Spike spike : reported) {
            AllocationSpikes.Spike match = nearest(happened, spike.at());
            Feedback.check(match != null && Duration.between(match.at(), spike.at()).abs().compareTo(CLOSE) <= 0,
                    "You reported a spike " + offset(start, spike.at()) + " into the watch, when no call site was"
                            + " bursting; your spikes: " + describe(start, reported), WHEN);
            Feedback.check(spike.site() != null && sameSite(spike.site(), match.site()),
                    "You named '" + spike.site() + "' for the spike " + offset(start, spike.at())
                            + " into the watch, but the burst came from another call site.", WHERE);
            Feedback.check(!matched.contains(match), "You reported one burst more than once; your spikes: "
                    + describe(start, reported) + ".", ONCE);
            matched.add(match);
        }
        for (AllocationSpikes.Spike spike : happened) {
            boolean inWindow = spike.at().isAfter(visible) && spike.at().isBefore(end.minus(TRAILING));
            boolean found = reported.stream()
                    .anyMatch(r -> Duration.between(spike.at(), r.at()).abs().compareTo(CLOSE) <= 0);
            Feedback.check(!inWindow || found,
                    "Your method missed a spike: it reported only " + describe(start, reported) + ".", WHEN);
        }
    }

    /** Notes when a JFR recording (the learner's stream) first runs in this JVM. */
    private static void awaitRecording(AtomicReference<Instant> started) {
        try {
            while (true) {
                if (FlightRecorder.isInitialized() && FlightRecorder.getFlightRecorder().getRecordings().stream()
                        .anyMatch(r -> r.getState() == RecordingState.RUNNING)) {
                    started.set(Instant.now());
                    return;
                }
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            // The watch is over.
        }
    }

    private static AllocationSpikes.Spike nearest(List<AllocationSpikes.Spike> spikes, Instant at) {
        AllocationSpikes.Spike nearest = null;
        for (AllocationSpikes.Spike spike : spikes) {
            if (nearest == null || Duration.between(spike.at(), at).abs()
                    .compareTo(Duration.between(nearest.at(), at).abs()) < 0) {
                nearest = spike;
            }
        }
        return nearest;
    }

    /** {@code lesson2.demo.CsvExport.write} and {@code CsvExport.write} name the same site. */
    private static boolean sameSite(String named, String site) {
        return named.equals(site) || named.endsWith("." + site) || named.endsWith("$" + site);
    }

    private static String describe(Instant start, List<Spike> spikes) {
        List<String> parts = new ArrayList<>();
        for (Spike spike : spikes) {
            parts.add(spike.site() + " at " + offset(start, spike.at()));
        }
        return parts.isEmpty() ? "nothing" : String.join(", ", parts);
    }

    private static String offset(Instant start, Instant at) {
        return at == null ? "(no time)" : String.format(Locale.ROOT, "%.1f s", Duration.between(start, at).toMillis() / 1000.0);
    }
}
