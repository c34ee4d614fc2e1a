package workbench.diagnostics.safepoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.ChildJvm;
import workbench.diagnostics.target.Target;

class SafepointsTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @Test
    void fullGcAndThreadDumpsAreSafepoints() {
        assertTrue(Safepoints.during(System::gc).count() >= 1);
        SafepointReading dumps = Safepoints.during(() -> repeat(50, () -> THREADS.dumpAllThreads(false, false)));
        assertTrue(dumps.count() >= 50, dumps.toString());
        assertTrue(dumps.totalTime().isPositive(), dumps.toString());
    }

    @Test
    void stackedThreadInfoIsASafepointButDepthZeroIsNot() {
        long[] ids = THREADS.getAllThreadIds();
        SafepointReading withStacks = Safepoints.during(() -> repeat(50, () -> THREADS.getThreadInfo(ids, 8)));
        assertTrue(withStacks.count() >= 50, withStacks.toString());
        assertTrue(safepointsBesidesGc(() -> repeat(5_000, () -> THREADS.getThreadInfo(ids, 0))) <= 5);
    }

    @Test
    void heapUsageAndCpuLoadAreNotSafepoints() {
        OperatingSystemMXBean os = ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
        long extra = safepointsBesidesGc(() -> repeat(5_000, () -> {
            ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            os.getProcessCpuLoad();
        }));
        assertTrue(extra <= 5, extra + " safepoints besides GC");
    }

    @Test
    void recorderNamesTheOperationAndTheThreadThatAskedForIt() {
        List<VmOperation> operations = Safepoints.operationsDuring(() -> THREADS.dumpAllThreads(true, true));
        String me = Thread.currentThread().getName();
        assertTrue(operations.stream().anyMatch(op -> op.name().equals("ThreadDump") && op.atSafepoint()
                && op.caller().equals(me)), operations.toString());
    }

    @Test
    void countsAnotherJvmByPid() throws Exception {
        try (ChildJvm child = ChildJvm.start("-Xmx64m");
                Target target = Target.attach(child.pid());
                SafepointCounter counter = Safepoints.of(target)) {
            assertEquals(child.pid(), counter.pid());
            long before = counter.count();
            target.memory().gc();
            assertTrue(counter.count() > before, counter.toString());
        }
    }

    @Test
    void missingJvmIsReported() {
        assertTrue(!Safepoints.available(Long.MAX_VALUE / 2));
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Safepoints.of(Long.MAX_VALUE / 2));
    }

    /** Safepoints during the action that no collection explains (each GC pause is a safepoint). */
    static long safepointsBesidesGc(Runnable action) {
        long gcBefore = collections();
        long safepoints = Safepoints.during(action).count();
        return safepoints - (collections() - gcBefore);
    }

    private static long collections() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount)
                .sum();
    }

    private static void repeat(int times, Runnable action) {
        for (int i = 0; i < times; i++) {
            action.run();
        }
    }
}
