package lesson6.checks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;
import jdk.management.VirtualThreadSchedulerMXBean;
import lesson6.SchedulerProbe;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.harness.Feedback;
import workbench.harness.LabProcess;

/**
 * Hidden checks of exercise {@code read-the-scheduler}: three JVMs hold their virtual-thread schedulers in known,
 * random states, and the learner's reading of each must agree with the readings that JVM takes of itself just
 * before and just after; a fourth changes by turns, and the learner's readings of it must each be of one moment.
 *
 * <p>One JVM is <em>saturated</em>: one or two more virtual threads pinned for good than its parallelism (lowered
 * after they mounted), more queued behind them, others parked, and one or two carriers idle beside them, which a
 * parallelism already reached never wakes for the queued threads. Another has <em>idle carriers</em>: it started more
 * carriers than its parallelism while it was busier, and only a few of them are in use now, with nothing queued; it
 * started with that higher parallelism and lowered it at run time. A <em>quiet</em> one has a parallelism of 5 to 7
 * and has only ever run one virtual thread, so its scheduler has started far fewer carriers than its parallelism. Each
 * also runs a ForkJoinPool of its own for CPU work. A fourth JVM, the <em>pulsing</em> one, readies 16 to 24
 * virtual threads behind its carriers when the check says so: three times its queue holds still, full or empty by
 * turns, from before the learner's read is asked for until its queued count is first read through its MBean, or
 * 450 to 600 ms after, then turns the other way in an instant, before that read returns. Proxies a learner might use
 * instead of the scheduler's own figures, and the scenario that defeats each in every run:
 * <ul>
 *   <li>gauges averaged over a while, as if each covered a line's interval, or the peak or median of several reads
 *       taken as steadier than one: from the second read on, the pulsing JVM's queue has turned, so an average is
 *       between empty and full, where its queue never was, and a peak is full where it was empty;</li>
 *   <li>reads repeated until two in a row agree, as if a read taken while the scheduler changes were torn: the
 *       second read sees the turned queue, and so does the third, so the two that agree are of a later moment (a
 *       read taken once to warm up and set aside is caught alike: one read is one moment);</li>
 *   <li>a reading of a later moment (a line's interval waited out before reading, as schedtrace prints once a
 *       second): a second after it was asked for, the pulsing JVM's queue has turned the other way;</li>
 *   <li>the JVM running the check instead of the target: its parallelism is the processor count, which no
 *       target's parallelism ever equals; it mounts and queues nothing and has no blocked platform thread, while
 *       each target mounts at least one, the saturated one queues at least three, and all have blocked ones;</li>
 *   <li>the processor count for the parallelism: never equal, as above; the {@code -D} flag it started with: the
 *       idle-carriers JVM has lowered its parallelism since;</li>
 *   <li>a parallelism read once and kept for the process, as a setting that never changes: once read, the quiet
 *       JVM has its parallelism set to another value through the scheduler's bean and is read again (the
 *       <em>re-tuned quiet</em> scenario), and every figure is judged on that reading too;</li>
 *   <li>a census of platform threads kept for a while, as if threads changed more slowly than the scheduler (a
 *       reading of the moment with threads counted up to half a second before): the re-tuned reading comes tens of
 *       milliseconds after another read of the quiet JVM, between which 2 to 4 more of its platform threads
 *       blocked, and blocked threads are judged exactly;</li>
 *   <li>threads named like carriers ({@code ForkJoinPool-N-worker-M}) for the carriers: the JVM's own pool for CPU
 *       work has 2 to 4 workers named that way;</li>
 *   <li>the parallelism for the carriers, or the mounted count for the carriers: the idle-carriers JVM has more
 *       carriers than its parallelism and more than it mounts; the parallelism as the fewest carriers there can be
 *       (the larger of the two): the quiet JVM has fewer carriers than its parallelism;</li>
 *   <li>the carriers or the parallelism for the mounted count: the idle-carriers JVM mounts fewer than either;
 *       the parallelism as the most there can be mounted (the smaller of the two): the saturated JVM mounts
 *       more;</li>
 *   <li>runnable virtual threads (from a JSON thread dump) for the mounted count: the saturated JVM's queued
 *       threads are the runnable ones, and their number differs from its mounted count;</li>
 *   <li>zero, or every virtual thread not mounted, for the queued count: the saturated JVM queues several and parks
 *       at least four more;</li>
 *   <li>the queued count less the idle carriers, as if each idle carrier were about to take a queued thread: the
 *       saturated JVM keeps one or two idle carriers beside its queue, and its parallelism, reached, never wakes
 *       them;</li>
 *   <li>the scheduler's submission queue alone for the queued count (Go's {@code runqueue} without the per-P queues
 *       in brackets), or the carriers' own queues alone: the saturated JVM's pinned carriers wake just over half of
 *       its queued threads, which wait in those carriers' own queues, and a platform thread starts the rest;</li>
 *   <li>a thread dump, stacks and all, for the platform threads' states: the workload prints every safepoint asked
 *       of it, from JFR, and a read that stops the world fails;</li>
 *   <li>the JSON dump's threads for the platform threads (virtual ones counted too), or the platform threads without
 *       the carriers: both change the waiting count by more than the tolerance.</li>
 * </ul>
 */
class ReadTheSchedulerCheck {

    private static final String READING = "Lesson 6, 'Reading the scheduler'";
    private static final String TARGETS = READING + ": read the Target you are given, not the JVM your code runs in";
    private static final int CPUS = Runtime.getRuntime().availableProcessors();
    private static final Thread.State[] STATES = {Thread.State.RUNNABLE, Thread.State.BLOCKED, Thread.State.WAITING,
            Thread.State.TIMED_WAITING};
    /** Safepoints that read every thread's stack or walk the heap: what a read that stops the world asks for. */
    private static final Pattern INSPECTIONS =
            Pattern.compile("ThreadDump|FindDeadlocks|PrintThreads|HeapDumper|GC_HeapInspection");
    /** Platform threads come and go around an attach (JMX connection threads); a scheduler's figures do not. */
    private static final int THREAD_TOLERANCE = 2;

    /** The scenarios whose figures hold still: every figure is judged on them. */
    private static final List<Scenario> SCENARIOS = new ArrayList<>();
    /** A scheduler whose queue is full or empty by turns, judged on the moment its reading stands for. */
    private static Scenario pulsing;
    /** How far from an empty or a full queue a reading of one moment may be: a pulse begins or ends in an instant. */
    private static final int MOMENT_TOLERANCE = 3;
    /** The pulsing JVM's queue holds still this long, or up to a third longer, once a reading is asked for. */
    private static final int STILL_MILLIS = 450;
    /** How long a queue that fills after a reading was asked for stays full: past a reading a second late. */
    private static final int FULL_AFTER_MILLIS = 1_500;
    private static final String MOMENT = READING + ": a line's gauges (parallelism, carriers, mounted, queued,"
            + " threads) are the scheduler at the moment of the read; only safepoints, stopped and cpu cover the"
            + " interval";

    /**
     * One workload JVM: what it was told to hold, and the learner's reading of it between two of its own.
     *
     * @param name          the scenario, for feedback
     * @param blockedLately platform threads that blocked since the learner's previous read of the JVM
     */
    private record Scenario(String name, Shape shape, LabProcess lab, Target target, Observation observation,
                            int blockedLately) {}

    /**
     * What a workload holds: parallelism, extra idle carriers, parked, pinned and queued virtual threads, platform
     * threads, and virtual threads readied in pulses.
     */
    private record Shape(int parallelism, int extraCarriers, int parked, int pinned, int queued, int blocked,
                         int sleeping, int cpuWorkers, int pulsed) {
        String[] args() {
            return new String[] {"" + parallelism, "" + extraCarriers, "" + parked, "" + pinned, "" + queued,
                    "" + blocked, "" + sleeping, "" + cpuWorkers, "" + pulsed};
        }
    }

    /**
     * The learner's reading, between two readings the workload took of itself, and the safepoints that inspect
     * threads or the heap which the workload saw asked for while the learner read it.
     */
    private record Observation(long[] before, SchedulerProbe.Reading reading, long[] after, List<String> stops) {}

    @BeforeAll
    static void startWorkloads() throws IOException, InterruptedException {
        Random random = new Random();
        int saturated = parallelism(random, -1);
        int idle = parallelism(random, saturated);
        int lowered = 1 + random.nextInt(2);
        int idleBeside = 1 + random.nextInt(2);
        int queued = 3 + random.nextInt(10);
        while (queued == saturated || queued == saturated + lowered) {
            queued++;
        }
        List<Shape> shapes = List.of(
                new Shape(saturated, lowered + idleBeside, 4 + random.nextInt(7), saturated + lowered, queued,
                        2 + random.nextInt(5), 1 + random.nextInt(5), 2 + random.nextInt(3), 0),
                new Shape(idle, 2 + random.nextInt(3), 4 + random.nextInt(7), 1 + random.nextInt(idle - 1), 0,
                        2 + random.nextInt(5), 1 + random.nextInt(5), 2 + random.nextInt(3), 0),
                new Shape(quietParallelism(random), 0, 0, 1, 0, 2 + random.nextInt(5), 1 + random.nextInt(5),
                        2 + random.nextInt(3), 0),
                new Shape(parallelism(random, -1), 0, 0, 0, 0, 0, 0, 1, 16 + random.nextInt(9)));
        List<LabProcess> labs = new ArrayList<>();
        for (Shape shape : shapes) {
            labs.add(LabProcess.start(SchedWorkload.class, List.of("-Xmx64m", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED",
                    "-Djdk.virtualThreadScheduler.parallelism=" + (shape.parallelism() + shape.extraCarriers())),
                    shape.args()));
        }
        for (int i = 0; i < shapes.size(); i++) {
            LabProcess lab = labs.get(i);
            lab.awaitLine(SchedWorkload.READY::equals, LabProcess.START_UP);
            Target target = Target.attach(lab.pid());
            Scenario scenario = new Scenario(List.of("saturated", "idle carriers", "quiet", "pulsing").get(i),
                    shapes.get(i), lab, target, observe(lab, target), 0);
            if (scenario.shape().pulsed() > 0) {
                pulsing = scenario;
            } else {
                SCENARIOS.add(scenario);
            }
        }
        SCENARIOS.add(retuned(SCENARIOS.getLast(), random));
    }

    /**
     * The quiet JVM read a second time, moments after a read the check does not judge, once the check has set its
     * scheduler's parallelism to another value through the scheduler's bean, as an operator might, and blocked 2 to 4
     * more platform threads in it: a parallelism read once and kept for the process is the old one, and so is a
     * census of threads kept from one call to the next.
     */
    private static Scenario retuned(Scenario quiet, Random random) throws IOException, InterruptedException {
        int parallelism;
        do {
            parallelism = quietParallelism(random);
        } while (parallelism == quiet.shape().parallelism());
        int moreBlocked = 2 + random.nextInt(3);
        SchedulerProbe.read(quiet.target());
        ManagementFactory.getPlatformMXBean(quiet.target().connection(), VirtualThreadSchedulerMXBean.class)
                .setParallelism(parallelism);
        // Its own reading printed with the blocked threads' confirmation shows both changes: the learner's read
        // comes after it.
        quiet.lab().tell(SchedWorkload.BLOCK + " " + moreBlocked);
        quiet.lab().awaitLine(SchedWorkload.BLOCKED::equals, Duration.ofSeconds(5));
        if (latestOwnReading(quiet.lab())[0] != parallelism) {
            throw new IllegalStateException("the quiet JVM did not take its new parallelism");
        }
        Shape was = quiet.shape();
        Shape shape = new Shape(parallelism, was.extraCarriers(), was.parked(), was.pinned(), was.queued(),
                was.blocked() + moreBlocked, was.sleeping(), was.cpuWorkers(), was.pulsed());
        return new Scenario("re-tuned quiet", shape, quiet.lab(), quiet.target(), observe(quiet.lab(),
                quiet.target()), moreBlocked);
    }

    /**
     * A parallelism from 5 to 7 that is not the processor count, for a JVM that only ever runs one virtual thread:
     * its scheduler starts a carrier or two, far fewer than its parallelism.
     */
    private static int quietParallelism(Random random) {
        int parallelism;
        do {
            parallelism = 5 + random.nextInt(3);
        } while (parallelism == CPUS);
        return parallelism;
    }

    /** A parallelism from 3 to 7 that is neither the processor count nor {@code other}. */
    private static int parallelism(Random random, int other) {
        int parallelism;
        do {
            parallelism = 3 + random.nextInt(5);
        } while (parallelism == CPUS || parallelism == other);
        return parallelism;
    }

    @AfterAll
    static void stopWorkloads() {
        List<Scenario> all = new ArrayList<>(SCENARIOS);
        if (pulsing != null) {
            all.add(pulsing);
        }
        // The re-tuned scenario shares the quiet one's JVM.
        all.stream().map(Scenario::target).distinct().forEach(Target::close);
        all.stream().map(Scenario::lab).distinct().forEach(LabProcess::close);
    }

    /**
     * Three readings of the pulsing JVM, each asked for while its queue holds still: full until a moment after the
     * call begins and empty after, or empty until then and full after, by turns from a random start. The moment is
     * the first read of its queue, or 450 to 600 ms after the call began if that comes first. A reading of the
     * moment it is asked for sees the first; one of a later moment, or an average or peak of several reads, does not.
     */
    @Test
    void readsTheSchedulerAtOneMoment() {
        Random random = new Random();
        boolean fullFirst = random.nextBoolean();
        for (int i = 0; i < 3; i++, fullFirst = !fullFirst) {
            int still = STILL_MILLIS + random.nextInt(STILL_MILLIS / 3);
            LabProcess lab = pulsing.lab();
            lab.tell(SchedWorkload.PULSE + " " + (fullFirst ? "0 " + still : still + " " + FULL_AFTER_MILLIS));
            lab.awaitLine((fullFirst ? SchedWorkload.FULL : SchedWorkload.ARMED)::equals, LabProcess.START_UP);
            long began = System.currentTimeMillis();
            SchedulerProbe.Reading reading = SchedulerProbe.read(pulsing.target());
            long ended = System.currentTimeMillis();
            lab.awaitLine(SchedWorkload.EMPTY::equals, LabProcess.START_UP);
            Feedback.check(reading != null, "SchedulerProbe.read returned null for a running JVM.", READING);
            int pulsed = pulsing.shape().pulsed();
            long queued = reading.queued();
            Feedback.check(Math.abs(queued - (fullFirst ? pulsed : 0)) <= MOMENT_TOLERANCE, String.format(
                    Locale.ROOT, "The %s JVM (pid %d) had %s from before your read was asked for until its queue was"
                            + " first read, or %d ms had passed, then %s. Your read asked for its queue %s in"
                            + " %d ms and said %d queued.", pulsing.name(), pulsing.target().pid(),
                    fullFirst ? pulsed + " virtual threads queued" : "an empty queue", still,
                    fullFirst ? "an empty queue" : pulsed + " virtual threads queued",
                    times(queueReads(lab, began, ended)), ended - began, queued), MOMENT);
        }
    }

    /** How often the pulsing JVM's queued count was read through its MBean between two times. */
    private static long queueReads(LabProcess lab, long from, long to) {
        return lab.output().lines().filter(line -> line.startsWith(SchedWorkload.QUEUE_READ))
                .mapToLong(line -> Long.parseLong(line.substring(SchedWorkload.QUEUE_READ.length())))
                .filter(at -> at >= from && at <= to).count();
    }

    private static String times(long count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }

    @Test
    void parallelism() {
        for (Scenario scenario : SCENARIOS) {
            agree(scenario, "parallelism", SchedulerProbe.Reading::parallelism, 0, READING + ": the parallelism is"
                    + " the scheduler's own setting as it is now, not the processor count or a flag");
        }
    }

    @Test
    void carriers() {
        for (Scenario scenario : SCENARIOS) {
            agree(scenario, "carriers", SchedulerProbe.Reading::carriers, 1, READING
                    + ": a scheduler can run more carriers than its parallelism, or fewer, busy or idle; ask the"
                    + " scheduler, not thread names");
        }
    }

    @Test
    void mounted() {
        for (Scenario scenario : SCENARIOS) {
            agree(scenario, "mounted", SchedulerProbe.Reading::mounted, 2, READING
                    + ": mounted counts the carriers in use, not the carriers there are, and the parallelism"
                    + " does not cap it");
        }
    }

    @Test
    void queued() {
        for (Scenario scenario : SCENARIOS) {
            agree(scenario, "queued", SchedulerProbe.Reading::queued, 3, READING
                    + ": queued virtual threads are ready to run, in whichever of the scheduler's queues; parked ones"
                    + " are not queued");
        }
    }

    @Test
    void readsWithoutStoppingTheWorld() {
        for (Scenario scenario : SCENARIOS) {
            List<String> stops = scenario.observation().stops();
            String times = stops.size() == 1 ? "once" : stops.size() + " times";
            Feedback.check(stops.isEmpty(), String.format(Locale.ROOT, "One read of the %s JVM (pid %d) stopped"
                    + " all its threads %s, at safepoints: %s.", scenario.name(), scenario.target().pid(),
                    times, String.join(", ", stops)), READING + ": a schedtrace line reads the scheduler's"
                    + " bean and the platform threads' states without their stacks, and stops nobody");
        }
    }

    @Test
    void platformThreadsByState() {
        for (Scenario scenario : SCENARIOS) {
            Map<Thread.State, Integer> reported = reading(scenario).platformThreads();
            Feedback.check(reported != null, "Your reading of the " + scenario.name() + " JVM had no platform"
                    + " threads (null).", READING);
            for (int i = 0; i < STATES.length; i++) {
                Thread.State state = STATES[i];
                int index = 4 + i;
                long value = reported.getOrDefault(state, 0);
                int tolerance = state == Thread.State.BLOCKED ? 0 : THREAD_TOLERANCE;
                if (!within(scenario.observation(), index, value, tolerance)) {
                    Feedback.fail(String.format(Locale.ROOT, "Platform threads %s in the %s JVM (pid %d): you"
                                    + " reported %d, %s than that JVM counted of itself just before and just after.%s",
                            state, scenario.name(), scenario.target().pid(), value,
                            higherOrLower(scenario.observation(), index, value),
                            hintForThreads(scenario, state, value)),
                            value == ownThreads(state) && value != 0 ? TARGETS
                                    : countedBefore(scenario, state, value) ? MOMENT : READING
                                    + ": platform threads by state, carriers included, virtual threads not");
                }
            }
        }
    }

    private static void agree(Scenario scenario, String figure, ToLongFunction<SchedulerProbe.Reading> value,
                              int index, String revisit) {
        long reported = value.applyAsLong(reading(scenario));
        if (within(scenario.observation(), index, reported, 0)) {
            return;
        }
        String proxy = proxyOf(scenario, figure, reported);
        Feedback.fail(String.format(Locale.ROOT, "%s of the %s JVM (pid %d): you reported %d, %s than that JVM"
                        + " read of itself just before and just after.%s", figure, scenario.name(),
                scenario.target().pid(), reported, higherOrLower(scenario.observation(), index, reported), proxy),
                proxy.contains("JVM that runs the check") ? TARGETS : revisit);
    }

    /** What the reported figure matches instead, in the learner's terms; empty when it matches nothing known. */
    private static String proxyOf(Scenario scenario, String figure, long reported) {
        long[] own = scenario.observation().before();
        Shape shape = scenario.shape();
        List<String> matches = new ArrayList<>();
        // A zero matches too much (an idle scheduler, an empty queue) to say which JVM was read.
        if (reported != 0 && reported == ownScheduler(figure) && reported != own[index(figure)]) {
            matches.add("the same figure of the JVM that runs the check");
        }
        if (!figure.equals("parallelism") && reported == own[0]) {
            matches.add(figure.equals("mounted") && own[2] > own[0]
                    ? "its parallelism, which it lowered while more virtual threads than that were pinned"
                    : "its parallelism");
        }
        if (!figure.equals("carriers") && reported == own[1]) {
            matches.add("its carriers");
        }
        if (!figure.equals("mounted") && reported == own[2]) {
            matches.add("its mounted virtual threads");
        }
        if (figure.equals("parallelism") && shape.extraCarriers() > 0
                && reported == shape.parallelism() + shape.extraCarriers()) {
            matches.add("the parallelism it started with, before it lowered it at run time");
        }
        if (figure.equals("carriers") && reported == own[1] + shape.cpuWorkers()) {
            matches.add("its carriers plus the workers of its own ForkJoinPool for CPU work, named the same way");
        }
        if (reported == CPUS && !figure.equals("carriers")) {
            matches.add("the processor count");
        }
        if (figure.equals("queued") && reported == shape.parked() + shape.queued()) {
            matches.add("every virtual thread that is not mounted, parked ones included");
        }
        int woken = SchedWorkload.wokenByCarriers(shape.queued());
        if (figure.equals("queued") && woken > 0 && reported == shape.queued() - woken) {
            matches.add("the threads that platform threads submitted, without those the carriers woke into their"
                    + " own queues");
        }
        if (figure.equals("queued") && woken > 0 && reported == woken) {
            matches.add("the threads the carriers woke into their own queues, without those submitted from outside");
        }
        long idleCarriers = own[1] - own[2];
        if (figure.equals("queued") && idleCarriers > 0 && own[3] > 0
                && reported == Math.max(0, own[3] - idleCarriers)) {
            matches.add("its queued threads less its idle carriers; at its parallelism, the scheduler wakes no idle"
                    + " carrier for them");
        }
        if (figure.equals("mounted") && reported == shape.queued() && shape.queued() > 0) {
            matches.add("the virtual threads that are runnable but wait for a carrier");
        }
        return matches.isEmpty() ? "" : " Your figure matches " + String.join(", and ", matches) + ".";
    }

    private static int index(String figure) {
        return List.of("parallelism", "carriers", "mounted", "queued").indexOf(figure);
    }

    /** Whether a blocked count is the JVM's at the learner's previous read, before more of its threads blocked. */
    private static boolean countedBefore(Scenario scenario, Thread.State state, long value) {
        return state == Thread.State.BLOCKED && scenario.blockedLately() > 0
                && value == scenario.observation().before()[5] - scenario.blockedLately();
    }

    private static String hintForThreads(Scenario scenario, Thread.State state, long value) {
        if (countedBefore(scenario, state, value)) {
            return " Your count matches that JVM at your previous read of it, tens of milliseconds earlier, before"
                    + " more of its threads blocked.";
        }
        if (state == Thread.State.WAITING) {
            long own = (scenario.observation().before()[6] + scenario.observation().after()[6]) / 2;
            long virtual = scenario.shape().parked() + scenario.shape().pinned();
            if (Math.abs(value - (own + virtual)) <= THREAD_TOLERANCE) {
                return " Your count matches that JVM's platform threads plus its parked and pinned virtual threads.";
            }
            if (value < own) {
                return " Carriers are platform threads too.";
            }
        }
        return value == ownThreads(state) ? " Your count matches the JVM that runs the check." : "";
    }

    private static SchedulerProbe.Reading reading(Scenario scenario) {
        SchedulerProbe.Reading reading = scenario.observation().reading();
        Feedback.check(reading != null, "SchedulerProbe.read returned null for a running JVM.", READING);
        return reading;
    }

    private static boolean within(Observation observation, int index, long value, int tolerance) {
        long low = Math.min(observation.before()[index], observation.after()[index]);
        long high = Math.max(observation.before()[index], observation.after()[index]);
        return value >= low - tolerance && value <= high + tolerance;
    }

    /** Which side of what the JVM read of itself a value falls on; never the value itself. */
    private static String higherOrLower(Observation observation, int index, long value) {
        return value > Math.max(observation.before()[index], observation.after()[index]) ? "higher" : "lower";
    }

    /**
     * Calls the learner's code once per workload, between two of the workload's own readings: the latest before
     * the call, and the latest 150 ms after it, when the workload has read itself at least once more.
     */
    private static Observation observe(LabProcess lab, Target target) throws InterruptedException {
        long[] before = latestOwnReading(lab);
        long start = System.currentTimeMillis();
        SchedulerProbe.Reading reading = SchedulerProbe.read(target);
        long end = System.currentTimeMillis();
        Thread.sleep(150);
        long[] after = latestOwnReading(lab);
        // JFR flushes about once a second: a flush a second after the read has printed every safepoint before it.
        lab.awaitLine(line -> line.startsWith(SchedWorkload.FLUSHED)
                && Long.parseLong(line.substring(SchedWorkload.FLUSHED.length())) > end + 1000, Duration.ofSeconds(10));
        return new Observation(before, reading, after, inspections(lab, start - 50, end + 50));
    }

    /** The operations of the safepoints that inspect threads or the heap, asked for between two times. */
    private static List<String> inspections(LabProcess lab, long from, long to) {
        return lab.output().lines().filter(line -> line.startsWith(SchedWorkload.ASKED))
                .map(line -> line.substring(SchedWorkload.ASKED.length()).split(" ", 3))
                .filter(asked -> Long.parseLong(asked[0]) >= from && Long.parseLong(asked[0]) <= to)
                .map(asked -> asked[1]).filter(operation -> INSPECTIONS.matcher(operation).matches()).toList();
    }

    private static long[] latestOwnReading(LabProcess lab) {
        List<String> lines = lab.output().lines().filter(l -> l.startsWith(SchedWorkload.OWN)).toList();
        return parse(lines.isEmpty() ? lab.awaitLine(l -> l.startsWith(SchedWorkload.OWN), Duration.ofSeconds(5))
                : lines.getLast());
    }

    private static long[] parse(String line) {
        String[] parts = line.substring(SchedWorkload.OWN.length()).split(" ");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = Long.parseLong(parts[i]);
        }
        return values;
    }

    /** The same figure of the JVM running the check, to recognise a reading of the wrong JVM. */
    private static long ownScheduler(String figure) {
        VirtualThreadSchedulerMXBean scheduler =
                ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
        return switch (figure) {
            case "parallelism" -> scheduler.getParallelism();
            case "carriers" -> scheduler.getPoolSize();
            case "mounted" -> scheduler.getMountedVirtualThreadCount();
            default -> scheduler.getQueuedVirtualThreadCount();
        };
    }

    private static long ownThreads(Thread.State state) {
        Map<Thread.State, Integer> states = new EnumMap<>(Thread.State.class);
        var threads = ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
            if (info != null) {
                states.merge(info.getThreadState(), 1, Integer::sum);
            }
        }
        return states.getOrDefault(state, 0);
    }
}
