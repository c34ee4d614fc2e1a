package lesson1.checks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import lesson1.VitalSigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import workbench.checks.HandedTarget;
import workbench.diagnostics.hsperf.PerfData;
import workbench.diagnostics.metrics.Metrics;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.target.Target;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code vital-signs}: the learner's reading of a workload JVM ({@link VitalsWorkload},
 * shaped by a random {@link VitalsScenario}) must agree with the readings that JVM takes of itself at the same time,
 * and must not bring it to a safepoint.
 *
 * <p>Proxies a learner might report instead, and the scenario that defeats each in every run:
 * <ul>
 *   <li><b>the JVM running the check</b> instead of the target: the target's heap limit (about 430 to 685 MB) is
 *       above this JVM's 256 MB cap, its committed heap (from {@code -Xms} 304 to 352 MB) too, and it runs 40 to 56
 *       sleepers more than this JVM has threads.</li>
 *   <li><b>heap used after the last collection</b> (the live set) for heap used: after its last collection the
 *       workload retains 16 to 48 MB more and throws away 16 to 48 MB, all still in a 192 MB young generation that
 *       no collection empties before the read.</li>
 *   <li><b>heap and non-heap together</b>, for used or committed: non-heap holds 15 MB or more, over the tolerance
 *       (2% or 2 MB of used, 1% or 2 MB of committed).</li>
 *   <li><b>committed for used, limit for committed</b>: used stays under 170 MB, committed is at least 284 MB
 *       ({@code -Xms} less one survivor space), the limit at least 428 MB.</li>
 *   <li><b>the limit the command line names</b> ({@code -Xmx}, {@code -XX:MaxHeapSize}, or a quarter of the
 *       machine's memory when there is neither): the size is never a multiple of the heap's alignment, so the JVM
 *       rounds it up by at least 256 KB (tolerance 64 KB); or there is no such flag and {@code -XX:MaxRAM} sizes the
 *       heap at a quarter of itself, not of the machine. Besides, the Serial collector counts one survivor space
 *       (about 19 MB) out of the limit.</li>
 *   <li><b>the limit of one pool found by its name</b>, such as {@code G1 Old Gen}, the only heap pool with a limit
 *       in the lab's G1 JVM: the target runs the Serial collector, whose pools have other names (the filter matches
 *       nothing and reads zero), and whose eden and survivor pools have limits of their own, so the old generation's
 *       (the largest) is 160 MB or more under the heap's.</li>
 *   <li><b>a pool without a limit counted at its committed size</b>, as if what it holds bounded it: a second
 *       target runs G1, whose eden and survivor pools have no limit of their own, and its heap limit is judged
 *       too.</li>
 *   <li><b>peak or started threads</b> for live threads: 12 to 20 threads lived at once and ended before the
 *       read.</li>
 *   <li><b>non-daemon threads for daemon threads, or live for daemon</b>: one kind outnumbers the other by 40 or
 *       more sleepers, the other kind has a few.</li>
 *   <li><b>blocked threads among non-daemons only, or daemons only</b>: 2 to 5 of each kind are blocked.</li>
 *   <li><b>blocked daemons and blocked non-daemons asked for apart and added</b>: in the second target, which runs
 *       G1, the 2 to 5 blocked threads are all daemons or all not, so that one of the two reads NaN.</li>
 *   <li><b>waiting threads counted as blocked, or for blocked</b>: at least two more threads wait in
 *       {@code Object.wait} (WAITING) than are blocked; the sleepers are TIMED_WAITING.</li>
 *   <li><b>a Target closed by the code it was handed to</b>, as the lesson's try-with-resources around
 *       {@code Target.attach} does: the check asks the same Target for its JVM's MBean count afterwards.</li>
 *   <li><b>a read per sign</b>, each fresher than the last: the learner's code gets a Target that counts its
 *       round trips for values, against one snapshot of the whole catalogue through the same kind of Target.</li>
 *   <li><b>exact values from a thread dump</b> ({@code dumpAllThreads}, stacks): the check counts the target's
 *       safepoints during the learner's read, beyond its collections; a read through the catalogue causes none.</li>
 *   <li><b>a thread dump when no thread is blocked</b>, taking the NaN of a missing row for a failed read: a third
 *       JVM blocks no thread, and its safepoints are counted during a second read of it.</li>
 *   <li><b>a reading kept from one call to the next</b> (per process, for a while, as a dashboard may serve
 *       figures up to 200 ms old): moments before the read the check judges, it has the learner's code read the
 *       target once through a Target of its own, then starts 5 to 8 more daemon threads in it.</li>
 *   <li><b>a collection first</b>, to settle heap used: the check counts the target's collections during the read
 *       too; its young generation is large enough that none comes on its own.</li>
 * </ul>
 */
class VitalSignsCheck {

    private static final String CATALOGUE = "Lesson 1, page 'The metric catalogue': values, attributes and filters";
    private static final String TARGETS =
            "Lesson 1, page 'The metric catalogue': reading another JVM through its Target";
    private static final String MXBEANS = "Lesson 1, page 'The MXBeans': used, committed and max";
    private static final String STOPS = "Lesson 1, page 'What stops the world': thread states without stacks";
    private static final String MOMENT = "Lesson 1, page 'The metric catalogue': a Snapshot is one moment";
    /** Room for a value or two asked for beside one snapshot; a second snapshot asks twice as often. */
    private static final double ROUND_TRIPS_OF_ONE_READ = 1.5;
    private static final long MB = 1024 * 1024;
    private static final long LIMIT_TOLERANCE = 64 * 1024;

    private static VitalsScenario scenario;
    private static LabProcess workload;
    private static Target target;
    private static Observation observation;
    private static SecondReading secondReading;
    /** Daemon threads the target started after the learner's code first read it, moments before the judged read. */
    private static int lateSleepers;

    /**
     * The learner's reading, between two readings the workload took of itself, and the collections and other
     * safepoints the target went through meanwhile.
     */
    private record Observation(OwnReading before, VitalSigns.Reading reading, OwnReading after,
                               long safepointsBeyondCollections, long collections, boolean targetLeftOpen,
                               int roundTrips, int roundTripsOfOneSnapshot) {}

    /** A figure a wrong answer may report instead of the sign, what it is, and which idea to revisit then. */
    private record Proxy(String what, long value, String revisit) {}

    @BeforeAll
    static void startWorkload() throws IOException {
        scenario = VitalsScenario.random(new Random());
        workload = LabProcess.start(VitalsWorkload.class, scenario.jvmFlags(), scenario.workloadArguments());
        target = awaitAndAttach(workload);
    }

    @AfterAll
    static void stopWorkload() {
        if (target != null) {
            target.close();
        }
        if (workload != null) {
            workload.close();
        }
    }

    @Test
    void heapUsed() throws Exception {
        Observation seen = observe();
        agree("heapUsedBytes", VitalSigns.Reading::heapUsedBytes, OwnReading.HEAP_USED, 0.02, 2 * MB, List.of(
                new Proxy("the heap after the last collection (the live set it measured), which misses everything"
                        + " allocated since", seen.after().get(OwnReading.HEAP_AFTER_GC), MXBEANS
                        + "; heap used is what the pools hold now, garbage included"),
                new Proxy("heap and non-heap memory together", seen.after().get(OwnReading.HEAP_USED)
                        + seen.after().get(OwnReading.NON_HEAP_USED), CATALOGUE
                        + "; filter jvm.memory.used by jvm.memory.type"),
                new Proxy("the committed heap", seen.after().get(OwnReading.HEAP_COMMITTED), MXBEANS
                        + "; used is what objects fill, committed what the JVM took from the OS"),
                thisJvm(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed())));
    }

    @Test
    void heapCommitted() throws Exception {
        Observation seen = observe();
        agree("heapCommittedBytes", VitalSigns.Reading::heapCommittedBytes, OwnReading.HEAP_COMMITTED, 0.01, 2 * MB,
                List.of(new Proxy("the heap in use", seen.after().get(OwnReading.HEAP_USED), MXBEANS
                                + "; committed is what the JVM took from the OS, used is what objects fill"),
                        new Proxy("the heap limit", seen.after().get(OwnReading.HEAP_LIMIT), MXBEANS
                                + "; committed grows towards the limit, it is not the limit"),
                        new Proxy("heap and non-heap committed together", seen.after().get(OwnReading.HEAP_COMMITTED)
                                + seen.after().get(OwnReading.NON_HEAP_COMMITTED), CATALOGUE
                                + "; filter jvm.memory.committed by jvm.memory.type"),
                        thisJvm(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted())));
    }

    @Test
    void heapLimit() throws Exception {
        Observation seen = observe();
        MemoryUsage ownHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        agree("heapLimitBytes", VitalSigns.Reading::heapLimitBytes, OwnReading.HEAP_LIMIT, 0, LIMIT_TOLERANCE,
                List.of(new Proxy("the size the target's command line asks for (" + scenario.limit().flag()
                                + "), or a quarter of the machine's memory; the JVM rounds the first up to its heap"
                                + " alignment and sizes the heap from flags such as -XX:MaxRAM, so only the JVM can"
                                + " say", scenario.limit().requested(), CATALOGUE
                                + "; ask the target for jvm.memory.limit filtered to the heap"),
                        new Proxy("the committed heap", seen.after().get(OwnReading.HEAP_COMMITTED), MXBEANS
                                + "; max is the limit, committed is what the JVM holds now"),
                        new Proxy("the limit of the largest heap pool alone (the old generation); this target's eden"
                                + " and survivor pools have limits of their own", seen.after().get(
                                        OwnReading.LARGEST_POOL_LIMIT), CATALOGUE
                                + "; filter jvm.memory.limit by jvm.memory.type, not by a pool's name: pool names"
                                + " and limits depend on the collector the target runs"),
                        thisJvm(ownHeap.getMax())));
        heapLimitOfAG1Jvm();
    }

    /**
     * The heap limit of a second target that runs G1, whose eden and survivor pools have no limit of their own: they
     * share the heap's, which the old generation's limit already states. Summing their committed sizes in, as if a
     * pool without a limit were bounded by what it holds, reports more than the JVM may ever use.
     */
    private static void heapLimitOfAG1Jvm() throws Exception {
        SecondReading g1 = secondJvm();
        long reported = g1.reading().heapLimitBytes();
        long truth = g1.own().get(OwnReading.HEAP_LIMIT);
        Feedback.check(Math.abs(reported - truth) <= LIMIT_TOLERANCE, String.format(Locale.ROOT, "heapLimitBytes"
                + " of a second JVM (pid %d), which runs the G1 collector: you reported %s, %s than what it"
                + " reported of itself, by more than the %s allowed for noise. Its eden and survivor pools have no"
                + " limit of their own.", g1.pid(), amount("heapLimitBytes", reported),
                reported > truth ? "higher" : "lower", amount("heapLimitBytes", LIMIT_TOLERANCE)), CATALOGUE
                + "; a pool without a limit of its own shares the heap's, which the pools that have one state");
    }

    /**
     * The blocked threads of the second target, all daemons or all not: only one of the two attribute sets of
     * blocked threads exists there, and a filter that names the other reads nothing (NaN), not zero.
     */
    private static void blockedThreadsOfOneKind() throws Exception {
        SecondReading g1 = secondJvm();
        long reported = g1.reading().blockedThreads();
        long truth = g1.own().get(OwnReading.BLOCKED);
        String kind = g1.own().get(OwnReading.BLOCKED_DAEMONS) == truth ? "daemon" : "non-daemon";
        Feedback.check(Math.abs(reported - truth) <= 1, String.format(Locale.ROOT, "blockedThreads of a second JVM"
                + " (pid %d), whose blocked threads are all %s threads: you reported %s, %s than what it reported of"
                + " itself, by more than a thread.", g1.pid(), kind, amount("blockedThreads", reported),
                reported > truth ? "higher" : "lower"), CATALOGUE + "; an attribute set no thread has is absent, and"
                + " value() of an absent one is NaN: filter by jvm.thread.state alone, and value() sums over the daemon"
                + " flag");
    }

    /** The learner's reading of a second target, and that target's reading of itself, taken once for all tests. */
    private record SecondReading(long pid, VitalSigns.Reading reading, OwnReading own) {}

    /**
     * Starts the second target, a G1 JVM whose 2 to 5 blocked threads are all daemons or all not, and reads it with
     * the learner's code once.
     */
    private static synchronized SecondReading secondJvm() throws Exception {
        if (secondReading == null) {
            Random random = new Random();
            long megabytes = 256 + random.nextInt(257);
            String blocked = String.valueOf(2 + random.nextInt(4));
            boolean daemons = random.nextBoolean();
            try (LabProcess g1 = LabProcess.start(VitalsWorkload.class, List.of("-XX:+UseG1GC",
                    "-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmx" + megabytes + "m"), "0", "0", daemons ? blocked : "0",
                    daemons ? "0" : blocked, "0", "0", "0", "0", "0");
                 Target g1Target = awaitAndAttach(g1)) {
                VitalSigns.Reading reading = VitalSigns.read(g1Target);
                Feedback.check(reading != null, "VitalSigns.read returned null for a running JVM.", CATALOGUE);
                OwnReading own = OwnReading.parse(g1.awaitLine(l -> l.startsWith(VitalsWorkload.VITALS),
                        Duration.ofSeconds(5)));
                secondReading = new SecondReading(g1Target.pid(), reading, own);
            }
        }
        return secondReading;
    }

    /** The workload's JVM, attached once it is ready. */
    private static Target awaitAndAttach(LabProcess lab) throws IOException {
        lab.awaitLine(VitalsWorkload.READY::equals, LabProcess.START_UP);
        return Target.attach(lab.pid());
    }

    @Test
    void liveThreads() throws Exception {
        Observation seen = observe();
        ThreadMXBean own = ManagementFactory.getThreadMXBean();
        agree("liveThreads", VitalSigns.Reading::liveThreads, OwnReading.LIVE, 0, 3, List.of(
                momentsBefore(seen, OwnReading.LIVE, "live threads"),
                new Proxy("the peak thread count, which counts threads that have ended",
                        seen.after().get(OwnReading.PEAK), CATALOGUE + "; jvm.thread.count counts live threads now"),
                new Proxy("the threads started since the JVM began, ended ones included",
                        seen.after().get(OwnReading.STARTED), CATALOGUE
                        + "; jvm.thread.started is a counter, jvm.thread.count a gauge of live threads"),
                new Proxy("the non-daemon threads only", seen.after().get(OwnReading.LIVE)
                        - seen.after().get(OwnReading.DAEMON), CATALOGUE
                        + "; unfiltered, jvm.thread.count sums every state and daemon flag"),
                new Proxy("the daemon threads only", seen.after().get(OwnReading.DAEMON), CATALOGUE
                        + "; unfiltered, jvm.thread.count sums every state and daemon flag"),
                thisJvm(own.getThreadCount())));
    }

    @Test
    void daemonThreads() throws Exception {
        Observation seen = observe();
        agree("daemonThreads", VitalSigns.Reading::daemonThreads, OwnReading.DAEMON, 0, 3, List.of(
                momentsBefore(seen, OwnReading.DAEMON, "daemon threads"),
                new Proxy("the non-daemon threads", seen.after().get(OwnReading.LIVE)
                        - seen.after().get(OwnReading.DAEMON), CATALOGUE
                        + "; jvm.thread.daemon = \"true\" selects the daemons"),
                new Proxy("all live threads", seen.after().get(OwnReading.LIVE), CATALOGUE
                        + "; filter jvm.thread.count by its jvm.thread.daemon attribute"),
                thisJvm(ManagementFactory.getThreadMXBean().getDaemonThreadCount())));
    }

    @Test
    void blockedThreads() throws Exception {
        Observation seen = observe();
        OwnReading after = seen.after();
        agree("blockedThreads", VitalSigns.Reading::blockedThreads, OwnReading.BLOCKED, 0, 1, List.of(
                new Proxy("the blocked threads that are not daemons; daemon threads block on monitors too",
                        after.get(OwnReading.BLOCKED_OTHERS), CATALOGUE
                        + "; filter by jvm.thread.state alone, value() sums over the daemon flag"),
                new Proxy("the blocked daemon threads only", after.get(OwnReading.BLOCKED_DAEMONS), CATALOGUE
                        + "; filter by jvm.thread.state alone, value() sums over the daemon flag"),
                new Proxy("the blocked and the waiting threads together", after.get(OwnReading.BLOCKED)
                        + after.get(OwnReading.WAITING), CATALOGUE
                        + "; BLOCKED (waiting to enter a monitor) is not WAITING (in Object.wait, park, join)"),
                new Proxy("the waiting threads", after.get(OwnReading.WAITING), CATALOGUE
                        + "; BLOCKED (waiting to enter a monitor) is not WAITING (in Object.wait, park, join)")));
        blockedThreadsOfOneKind();
    }

    @Test
    @DisplayName("reads the target without stopping it")
    void readsTheTargetWithoutStoppingIt() throws Exception {
        Observation seen = observe();
        Feedback.check(seen.collections() == 0, String.format(Locale.ROOT,
                "While your code read the target (pid %d), the target went through %d garbage collection%s, and its"
                        + " young generation is large enough that it collects on its own only long after: your read"
                        + " asked for it. A collection stops every thread, and heap used after it is no longer what"
                        + " the service held. Something in your read asks the target to collect (a gc() call, a heap"
                        + " histogram or a heap dump).", target.pid(), seen.collections(),
                seen.collections() == 1 ? "" : "s"), STOPS);
        long stops = seen.safepointsBeyondCollections();
        Feedback.check(stops == 0, String.format(Locale.ROOT,
                "While your code read the target (pid %d), the target went through %d safepoint%s beyond its garbage"
                        + " collections: every one stopped all of its threads. The values may be right; the way of"
                        + " reading them is what a busy service would feel. Something in your read takes thread"
                        + " stacks or walks the heap.", target.pid(), stops, stops == 1 ? "" : "s"), STOPS);
        long quietStops = stopsReadingAJvmWithNothingBlocked();
        Feedback.check(quietStops == 0, String.format(Locale.ROOT, "While your code read a JVM none of whose threads"
                + " was blocked, that JVM went through %d safepoint%s beyond its garbage collections, though your read"
                + " of the first target stopped nothing. Something in your read takes thread stacks when there is no"
                + " row of blocked threads.", quietStops, quietStops == 1 ? "" : "s"), STOPS + "; no thread in a"
                + " state means no row for it, and value() of a filter that matches none is NaN: that is zero threads");
    }

    /**
     * Safepoints beyond collections while the learner's code reads a JVM none of whose threads is blocked, after a
     * first read of it, each through a Target of its own.
     */
    private static long stopsReadingAJvmWithNothingBlocked() throws Exception {
        try (LabProcess quiet = LabProcess.start(VitalsWorkload.class, List.of("-XX:TieredStopAtLevel=1", "-Xmx64m"),
                "0", "0", "0", "0", "0", "0", "0", "0", "0");
             Target counting = awaitAndAttach(quiet);
             SafepointCounter safepoints = Safepoints.of(counting);
             PerfData perf = PerfData.open(quiet.pid())) {
            try (Target first = Target.attach(quiet.pid())) {
                VitalSigns.read(first);
            }
            long before = safepoints.count();
            long collectionsBefore = collections(perf);
            try (Target judged = Target.attach(quiet.pid())) {
                VitalSigns.read(judged);
            }
            return Math.max(0, safepoints.count() - before - (collections(perf) - collectionsBefore));
        }
    }

    @Test
    @DisplayName("leaves the target open for its caller")
    void leavesTheTargetOpenForItsCaller() throws Exception {
        Feedback.check(observe().targetLeftOpen(), HandedTarget.closedBy(target), HandedTarget.OWNER);
    }

    @Test
    @DisplayName("reads every sign at one moment")
    void readsEverySignAtOneMoment() throws Exception {
        Observation seen = observe();
        Feedback.check(seen.targetLeftOpen(), "Your code closed the Target it was handed, so how it read could not be"
                + " judged.", HandedTarget.OWNER);
        double times = seen.roundTrips() / (double) seen.roundTripsOfOneSnapshot();
        Feedback.check(times <= ROUND_TRIPS_OF_ONE_READ, String.format(Locale.ROOT, "Your read asked the target"
                + " (pid %d) for values %d times, each a round trip, %.1f times as often as one snapshot of the whole"
                + " catalogue does: its signs come from several moments, and heap used from one can exceed heap"
                + " committed from another.", target.pid(), seen.roundTrips(), times), MOMENT);
    }

    /** Whether an attached Target still reaches its JVM. */
    private static Proxy thisJvm(long value) {
        return new Proxy("the JVM that runs the check, not the one you were given", value, TARGETS);
    }

    /**
     * Compares one sign of the learner's reading with the range the workload's own readings spanned around it;
     * outside that range and its tolerance, names the wrong figure the value matches, if any.
     */
    private static void agree(String sign, ToLongFunction<VitalSigns.Reading> learnerValue, String truth,
                              double relative, long absolute, List<Proxy> proxies) throws Exception {
        Observation observed = observe();
        Feedback.check(observed.reading() != null, "VitalSigns.read returned null for a running JVM.", CATALOGUE);
        long before = observed.before().get(truth);
        long after = observed.after().get(truth);
        long low = Math.min(before, after);
        long high = Math.max(before, after);
        long tolerance = Math.max(absolute, Math.round(high * relative));
        long reported = learnerValue.applyAsLong(requireNonNull(observed.reading()));
        if (reported >= low - tolerance && reported <= high + tolerance) {
            return;
        }
        String observedText = String.format(Locale.ROOT,
                "%s: you reported %s, %s than what the JVM under observation (pid %d) reported of itself at the same"
                        + " moment, by more than the %s allowed for noise.", sign, amount(sign, reported),
                reported > high ? "higher" : "lower", target.pid(), amount(sign, tolerance));
        if (reported == 0) {
            Feedback.fail(observedText + " A zero often means a filter matched nothing: one that names what the"
                    + " target does not have (a pool name, say) reads as nothing; the target's pools and threads need"
                    + " not be named as in your own JVM.", CATALOGUE + "; filter by attributes every JVM has");
        }
        for (Proxy proxy : proxies) {
            if (reported != 0 && Math.abs(reported - proxy.value()) <= tolerance) {
                Feedback.fail(observedText + " It matches " + proxy.what() + ".", proxy.revisit());
            }
        }
        Feedback.fail(observedText, CATALOGUE);
    }

    /** The count at the learner's previous read, before the late sleepers started: a reading kept from that call. */
    private static Proxy momentsBefore(Observation seen, String figure, String what) {
        return new Proxy("the " + what + " of that JVM at your previous read of it, moments earlier, before more"
                + " threads started", seen.after().get(figure) - lateSleepers, MOMENT
                + ": read the target at every call; a reading kept from an earlier call is of another moment");
    }

    private static String amount(String sign, long value) {
        if (sign.startsWith("heap")) {
            return Math.abs(value) < MB ? String.format(Locale.ROOT, "%,d KB", value / 1024)
                    : String.format(Locale.ROOT, "%,.1f MB", value / (double) MB);
        }
        return value + (value == 1 ? " thread" : " threads");
    }

    /** Calls the learner's code once, for all tests: every sign is judged on the same reading. */
    private static synchronized Observation observe() throws IOException, InterruptedException {
        if (observation == null) {
            readMomentsBefore();
            try (SafepointCounter safepoints = Safepoints.of(target); PerfData perf = PerfData.open(target.pid())) {
                OwnReading before = latestOwnReading();
                long safepointsBefore = safepoints.count();
                long collectionsBefore = collections(perf);
                CountingTarget counted = new CountingTarget(target);
                VitalSigns.Reading reading = VitalSigns.read(counted);
                long collected = collections(perf) - collectionsBefore;
                long stops = Math.max(0, safepoints.count() - safepointsBefore - collected);
                boolean leftOpen = HandedTarget.answers(target);
                CountingTarget snapshotOnly = new CountingTarget(target);
                if (leftOpen) {
                    Metrics.read(snapshotOnly);
                }
                Thread.sleep(150);
                observation = new Observation(before, reading, latestOwnReading(), stops, collected, leftOpen,
                        counted.roundTrips(), snapshotOnly.roundTrips());
            }
        }
        return observation;
    }

    /**
     * Has the learner's code read the target once, through a Target of its own, and then starts 5 to 8 more threads
     * in it: the reading the check judges comes moments later, and one kept from the call before misses them.
     */
    private static void readMomentsBefore() throws IOException, InterruptedException {
        try (Target earlier = Target.attach(workload.pid())) {
            VitalSigns.read(earlier);
        }
        lateSleepers = 5 + new Random().nextInt(4);
        workload.tell(VitalsWorkload.MORE_SLEEPERS + " " + lateSleepers);
        workload.awaitLine(VitalsWorkload.MORE_STARTED::equals, Duration.ofSeconds(5));
    }

    /** Collections of every collector so far, from the same counters jstat reads: each one is a safepoint or two. */
    private static long collections(PerfData perf) {
        return perf.longValues().entrySet().stream()
                .filter(e -> e.getKey().startsWith("sun.gc.collector.") && e.getKey().endsWith(".invocations"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static OwnReading latestOwnReading() {
        List<String> lines = workload.output().lines().filter(l -> l.startsWith(VitalsWorkload.VITALS)).toList();
        if (lines.isEmpty()) {
            workload.awaitLine(l -> l.startsWith(VitalsWorkload.VITALS), Duration.ofSeconds(5));
            return latestOwnReading();
        }
        return OwnReading.parse(lines.getLast());
    }
}
