package workbench.diagnostics.snippets;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import workbench.diagnostics.sched.PinnedEvent;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.sched.SchedLine;
import workbench.diagnostics.sched.SchedReader;
import workbench.diagnostics.sched.SchedTrace;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.sched}. */
public final class SchedSnippets {

    private SchedSnippets() {}

    // @start region="trace"
    public static void traceFiveSeconds(Target target) throws IOException, InterruptedException {
        try (SchedTrace trace = SchedTrace.start(target, Duration.ofSeconds(1), System.out::println)) {
            Thread.sleep(5_000);
        }
        // sched 12.004s: parallelism=2 carriers=2 mounted=2 queued=37 threads=23 [runnable=5 waiting=11
        //   timed_waiting=7] safepoints=1 stopped=0.41ms cpu=1.97/2
    }
    // @end

    // @start region="reader"
    public static List<SchedLine> poll(Target target, int lines) throws IOException, InterruptedException {
        try (SchedReader reader = SchedReader.open(target)) {   // keep one per target and poll it
            List<SchedLine> read = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                Thread.sleep(200);
                read.add(reader.read());                          // the 200 ms since the read before
            }
            return read;
        }
    }
    // @end

    // @start region="line"
    public static boolean starved(SchedLine line) {
        boolean carriersBusy = line.schedulerKnown() && line.mounted() >= line.parallelism();
        return carriersBusy && line.queued() > 0;           // runnable virtual threads wait for a carrier
    }
    // @end

    // @start region="pinning"
    public static List<PinnedSite> pinningSites(Target target, Duration watch)
            throws IOException, InterruptedException {
        try (PinningRecorder pinning = PinningRecorder.start(target)) {   // every pinned event, with stacks
            Thread.sleep(watch);
            List<PinnedEvent> events = pinning.stop();
            events.stream().limit(3).forEach(System.out::println);
            // a virtual thread pinned 8.1 ms on ForkJoinPool-1-worker-2 at shop.Rates.fetch
            //   (Native or VM frame on stack)
            List<PinnedSite> sites = PinnedSite.of(events);               // longest total first
            sites.forEach(System.out::println);
            return sites;
        }
    }
    // @end
}
