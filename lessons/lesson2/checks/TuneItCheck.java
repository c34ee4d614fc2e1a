package lesson2.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import lesson2.TuneIt;
import lesson2.demo.AllocationSpikes;
import org.junit.jupiter.api.Test;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;
import workbench.harness.ReferenceSolution;

/**
 * Hidden checks of exercise {@code tune-it}: the service runs in a fresh JVM with the learner's flags under a
 * random load (a live set of 130 to 160 MB, a paced steady load and bursts of 60 to 160 MB), and again with the
 * reference flags under the same load, one after the other; every wait for the collector counts, pauses and
 * ZGC's allocation stalls alike.
 *
 * <p>The proxies a learner might use instead, and what defeats each in every run:
 * <ul>
 *   <li><b>a heap that fits this machine</b> ({@code -XX:MaxRAMPercentage}, or no {@code -Xmx} at all): the
 *       budget is read on a JVM told it has 256 GiB to 1 TiB of memory ({@code -XX:MaxRAM}), where any share
 *       of the machine large enough to hold the live set is far over 512 MiB;</li>
 *   <li><b>{@code -XX:SoftMaxHeapSize} as the cap</b>: a soft maximum leaves the maximum heap where the
 *       machine puts it, over the budget;</li>
 *   <li><b>bigger G1 regions</b>: G1 still copies and compacts a live set of 130 MB or more while the service is
 *       stopped, tens of milliseconds at best;</li>
 *   <li><b>the throughput collector</b>: its full collections of that live set stop the service for hundreds of
 *       milliseconds;</li>
 *   <li><b>a concurrent collector with a tight heap</b> (a pause-free log, "pauses no longer depend on the
 *       heap"): with little room over the live set ZGC stalls the allocating threads, for tens to hundreds of
 *       milliseconds each; stalls count as waits;</li>
 *   <li><b>a pause goal</b> ({@code -XX:MaxGCPauseMillis=5}, "G1 meets the goal it is given"): G1 sizes its young
 *       generation to the goal but still copies what survives while the service is stopped; its 99th percentile
 *       pause was 52 to 83 ms in 10 runs with one core busy;</li>
 *   <li><b>slow means stopped</b> (a busy machine blamed): the reference flags run under the same load in the
 *       same check, and the targets widen to twice what they reached, pauses to twice the reference's pauses and
 *       waits of any kind to twice its waits. A reference run that stalls widens only the second: a stall of the
 *       reference once let a pause goal's pauses through.</li>
 * </ul>
 *
 * <p>Not defeated in every run: <b>a concurrent collector told to start its cycles late</b> (Shenandoah with
 * {@code -XX:ShenandoahGCHeuristics=static}, which waits until little of the heap is free). It stopped the service
 * for 190 to 196 ms in 2 runs of 5 with one core busy and met the target in the other 3: a load whose bursts always
 * outrun a late cycle, without stalling the reference, would defeat it.
 *
 * <p>A run that misses its target through an allocation stall runs once more under the same load and the better run
 * counts, the reference flags' and the learner's alike: a rare stall is the machine's, one that comes back is the
 * flags'. A pause over the target gets no second run: pauses are how a collector works, not the machine's luck.
 */
class TuneItCheck {

    private static final long HEAP_BUDGET = 512L << 20;
    private static final Duration PAUSE_TARGET = Duration.ofMillis(10);
    private static final String SIZING = "Lesson 2, 'Tuning: heap size and collector': without -Xmx the JVM sizes the"
            + " heap from the machine's memory; the budget is a maximum, so set the maximum";
    private static final String CHOOSING = "Lesson 2, 'Tuning: heap size and collector': which collectors do their"
            + " marking and moving while the application runs, and which stop it for the whole job";
    private static final String HEADROOM = "Lesson 2, 'Tuning: heap size and collector': the heap must hold the live"
            + " set plus what arrives while a collection runs; a concurrent collector short of room stalls the"
            + " threads that allocate";

    private final Random random = new Random();

    @Test
    void staysWithinTheHeapBudget() {
        List<String> flags = flags();
        int machineGib = 256 + random.nextInt(769);
        List<String> onMachine = new ArrayList<>(List.of("-XX:MaxRAM=" + machineGib + "g"));
        onMachine.addAll(flags);
        try (LabProcess lab = LabProcess.start(AllocationSpikes.class, onMachine, "--seconds", "0")) {
            // a warning (ZGC's about a heap too large to map, say) is no failure to start: the JVM goes on
            String line = lab.awaitLine(l -> l.startsWith("max heap ") || l.startsWith("Error"), LabProcess.START_UP);
            Feedback.check(line.startsWith("max heap "),
                    "On a machine with " + machineGib + " GiB of memory the JVM did not start with your flags "
                            + flags + ":\n" + lab.output().strip(), SIZING);
            long maxHeap = Long.parseLong(line.substring("max heap ".length()).strip());
            Feedback.check(maxHeap <= HEAP_BUDGET,
                    "On a machine with " + machineGib + " GiB of memory, your flags " + flags + " let the heap grow"
                            + " to " + (maxHeap >> 20) + " MiB, over the budget.", SIZING);
        }
    }

    @Test
    void meetsThePauseTargetWithoutRunningOut() throws ReflectiveOperationException {
        List<String> flags = flags();
        ServiceRun.Load load = new ServiceRun.Load(random.nextLong(), 130 + random.nextInt(31),
                700 + random.nextInt(200));
        ServiceRun reference = betterOfTwo(referenceFlags(), load, PAUSE_TARGET.toNanos());
        // Pauses are held to what the reference paused, waits of any kind to what it waited: a stall of the
        // reference on a busy machine says nothing about how long a collector may stop the service.
        long allowedPause = Math.max(PAUSE_TARGET.toNanos(), 2 * reference.pauseP99());
        long allowed = Math.max(PAUSE_TARGET.toNanos(), 2 * reference.p99());
        ServiceRun yours = betterOfTwo(flags, load, allowed);
        Feedback.check(!yours.ranOutOfMemory(), "With your flags " + flags + " the service ran out of memory.",
                HEADROOM);
        Feedback.check(yours.finished(),
                "With your flags " + flags + " the service did not run to the end:\n" + yours.output(), HEADROOM);
        Feedback.check(yours.pauseP99() <= allowedPause, String.format(Locale.ROOT,
                "With your flags %s (%s) the collector stopped the service %d times; the 99th percentile of those"
                        + " pauses was %.1f ms, the longest %.1f ms.", flags, yours.collector(), yours.pauses().length,
                yours.pauseP99() / 1e6, last(yours.pauses()) / 1e6), CHOOSING);
        Feedback.check(yours.p99() <= allowed, String.format(Locale.ROOT,
                "With your flags %s (%s) the service waited for the collector %d times (%d pauses, %d allocation"
                        + " stalls); the 99th percentile of those waits was %.1f ms, the longest %s %.1f ms.%s",
                flags, yours.collector(), yours.pauses().length + yours.stalls().length, yours.pauses().length,
                yours.stalls().length, yours.p99() / 1e6, yours.stallsWorst() ? "stall" : "pause",
                longest(yours) / 1e6, yours.stallsWorst() ? " The service stalled, so it ran a second time under the"
                        + " same load; that was the better run." : ""), yours.stallsWorst() ? HEADROOM : CHOOSING);
    }

    /**
     * A run with these flags and, when an allocation stall makes it miss {@code target}, a second one under the same
     * load: the better of the two. On a busy machine a good heap now and then stalls once, when a burst lands just
     * before a cycle starts (1 run in 20 measured, reference flags and others alike); a stall that comes back is the
     * flags' doing. A pause over the target gets no second run: it is the collector's way of working.
     */
    private static ServiceRun betterOfTwo(List<String> flags, ServiceRun.Load load, long target) {
        ServiceRun first = ServiceRun.of(flags, load);
        if (first.p99() <= target || !first.stallsWorst() || first.ranOutOfMemory() || !first.finished()) {
            return first;
        }
        ServiceRun second = ServiceRun.of(flags, load);
        return second.p99() < first.p99() ? second : first;
    }

    private static long longest(ServiceRun run) {
        return Math.max(last(run.pauses()), last(run.stalls()));
    }

    private static long last(long[] sorted) {
        return sorted.length == 0 ? 0 : sorted[sorted.length - 1];
    }

    @SuppressWarnings("unchecked")
    private static List<String> referenceFlags() throws ReflectiveOperationException {
        return (List<String>) ReferenceSolution.classOf(TuneIt.class).getMethod("jvmFlags").invoke(null);
    }

    /** The learner's flags, refused when they are not JVM options or take over the check's own logging. */
    private static List<String> flags() {
        List<String> flags = TuneIt.jvmFlags();
        Feedback.check(flags != null, "Your jvmFlags() returned null.", SIZING);
        for (String flag : flags) {
            Feedback.check(flag != null && flag.startsWith("-X") && !flag.startsWith("-Xlog")
                            && !flag.contains("FlightRecord"),
                    "Your flags contain '" + flag + "'; only heap and GC options (-X..., -XX:...) belong here,"
                            + " and the check does its own logging.", SIZING);
        }
        return List.copyOf(flags);
    }
}
