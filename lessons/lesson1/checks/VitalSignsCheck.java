package lesson1.checks;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.ToLongFunction;
import lesson1.VitalSigns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;
import workbench.lessons.harness.Feedback;
import workbench.lessons.harness.LabProcess;

/**
 * Hidden checks of exercise {@code vital-signs}: the learner's reading of a workload JVM, started with a
 * random number of threads, blocked threads, retained heap and heap limit, must agree with the readings
 * that JVM takes of itself at the same time.
 */
class VitalSignsCheck {

    private static final String CATALOGUE = "Lesson 1, page 'The metric catalogue': values, attributes and filters";
    private static final String TARGETS =
            "Lesson 1, page 'The metric catalogue': reading another JVM through its Target";
    private static final long MB = 1024 * 1024;

    private static LabProcess workload;
    private static Target target;
    private static Observation observation;

    /** The learner's reading, between two readings the workload took of itself. */
    private record Observation(OwnReading before, VitalSigns.Reading reading, OwnReading after) {}

    /** A reading the workload took of itself: heap used, committed, limit; live, daemon, blocked threads. */
    private record OwnReading(long[] values) {
        static OwnReading parse(String line) {
            String[] parts = line.substring(VitalsWorkload.VITALS.length()).split(" ");
            long[] values = new long[parts.length];
            for (int i = 0; i < parts.length; i++) {
                values[i] = Long.parseLong(parts[i]);
            }
            return new OwnReading(values);
        }
    }

    @BeforeAll
    static void startWorkload() throws IOException {
        Random random = new Random();
        int daemons = 4 + random.nextInt(20);
        int others = 4 + random.nextInt(20);
        int blocked = 3 + random.nextInt(10);
        int retainedMegabytes = 24 + random.nextInt(97);
        int limitMegabytes = 320 + 32 * random.nextInt(5);
        workload = LabProcess.start(VitalsWorkload.class,
                List.of("-XX:+UseG1GC", "-XX:TieredStopAtLevel=1", "-Xms256m", "-Xmx" + limitMegabytes + "m"),
                String.valueOf(daemons), String.valueOf(others), String.valueOf(blocked),
                String.valueOf(retainedMegabytes));
        workload.awaitLine(VitalsWorkload.READY::equals, Duration.ofSeconds(15));
        target = Target.attach(workload.pid());
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
    void heapUsed() throws InterruptedException {
        agree("heapUsedBytes", VitalSigns.Reading::heapUsedBytes, 0, 0.03, 3 * MB, CATALOGUE
                + "; used is not committed, and the heap is not all memory");
    }

    @Test
    void heapCommitted() throws InterruptedException {
        agree("heapCommittedBytes", VitalSigns.Reading::heapCommittedBytes, 1, 0.08, 4 * MB, CATALOGUE
                + "; committed is what the JVM took from the OS, used is what objects fill");
    }

    @Test
    void heapLimit() throws InterruptedException {
        agree("heapLimitBytes", VitalSigns.Reading::heapLimitBytes, 2, 0.02, 2 * MB, CATALOGUE
                + "; the limit is -Xmx, summed over heap pools that have one");
    }

    @Test
    void liveThreads() throws InterruptedException {
        agree("liveThreads", VitalSigns.Reading::liveThreads, 3, 0, 3, CATALOGUE
                + "; jvm.thread.count is split by state and daemon flag");
    }

    @Test
    void daemonThreads() throws InterruptedException {
        agree("daemonThreads", VitalSigns.Reading::daemonThreads, 4, 0, 3, CATALOGUE
                + "; filter jvm.thread.count by its jvm.thread.daemon attribute");
    }

    @Test
    void blockedThreads() throws InterruptedException {
        agree("blockedThreads", VitalSigns.Reading::blockedThreads, 5, 0, 1, CATALOGUE
                + "; filter jvm.thread.count by its jvm.thread.state attribute (BLOCKED is not WAITING)");
    }

    /**
     * Compares one sign of the learner's reading with the range the workload's own readings spanned around it;
     * the learner's value must lie within the tolerance of that range.
     */
    private static void agree(String sign, ToLongFunction<VitalSigns.Reading> learnerValue, int index,
                              double relative, long absolute, String revisit) throws InterruptedException {
        Observation observed = observe();
        Feedback.check(observed.reading() != null, "VitalSigns.read returned null for a running JVM.", CATALOGUE);
        long before = observed.before().values()[index];
        long after = observed.after().values()[index];
        long low = Math.min(before, after);
        long high = Math.max(before, after);
        long tolerance = Math.max(absolute, Math.round(high * relative));
        long reported = learnerValue.applyAsLong(requireNonNull(observed.reading()));
        if (reported >= low - tolerance && reported <= high + tolerance) {
            return;
        }
        boolean fromThisJvm = reported != 0 && Math.abs(reported - valueOfThisJvm(index)) <= tolerance;
        Feedback.fail(String.format(Locale.ROOT,
                "%s: you reported %,d, which is %s than what the JVM under observation (pid %d) reported of itself "
                        + "at the same moment, by more than the %s allowed for noise.%s",
                sign, reported, reported > high ? "higher" : "lower", target.pid(), toleranceText(sign, tolerance),
                fromThisJvm ? " Your value matches the JVM that runs the check, not the one you were given." : ""),
                fromThisJvm ? TARGETS : revisit);
    }

    /** The same sign, read from the JVM running this check, to recognise a reading of the wrong JVM. */
    private static long valueOfThisJvm(int index) {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        return switch (index) {
            case 0 -> heap.getUsed();
            case 1 -> heap.getCommitted();
            case 2 -> heap.getMax();
            case 3 -> threads.getThreadCount();
            case 4 -> threads.getDaemonThreadCount();
            default -> -1;   // this JVM has no blocked threads, and 0 is what an untouched stub says
        };
    }

    private static String toleranceText(String sign, long tolerance) {
        return sign.startsWith("heap") ? String.format(Locale.ROOT, "%.1f MB", tolerance / (double) MB)
                : tolerance + (tolerance == 1 ? " thread" : " threads");
    }

    /** Calls the learner's code once, for all tests: every sign is judged on the same reading. */
    private static synchronized Observation observe() throws InterruptedException {
        if (observation == null) {
            OwnReading before = latestOwnReading();
            VitalSigns.Reading reading = VitalSigns.read(target);
            Thread.sleep(150);
            observation = new Observation(before, reading, latestOwnReading());
        }
        return observation;
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
