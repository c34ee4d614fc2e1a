package workbench.diagnostics.snippets;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import workbench.diagnostics.safepoint.SafepointCounter;
import workbench.diagnostics.safepoint.SafepointReading;
import workbench.diagnostics.safepoint.Safepoints;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.safepoint.VmOperationRecorder;
import workbench.diagnostics.target.Target;

/** Examples in the Javadoc of {@code workbench.diagnostics.safepoint}. */
public final class SafepointSnippets {

    private SafepointSnippets() {}

    // @start region="overview"
    public static void findWhatStopsTheWorld(Target target, Runnable request) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        SafepointReading cost = Safepoints.during(() -> threads.dumpAllThreads(false, false));
        System.out.println(cost);                           // 1 safepoints, 0.31 ms stopped (sync 12.0 µs)

        List<VmOperation> operations = Safepoints.operationsDuring(request);   // which ones, who asked (JFR)
        operations.forEach(System.out::println);

        try (SafepointCounter counter = Safepoints.of(target)) {              // any local JVM, cheaply
            System.out.println(counter.count() + " safepoints since " + target.displayName() + " started");
        }
    }
    // @end

    // @start region="counter"
    public static long safepointsDuring(Target target, Runnable work) throws IOException {
        try (SafepointCounter counter = Safepoints.of(target)) {    // each read is a few memory loads
            long before = counter.count();
            work.run();
            return counter.count() - before;
        }
    }
    // @end

    // @start region="reading"
    public static SafepointReading costOf(Runnable request, SafepointCounter counter) {
        SafepointReading before = counter.read();
        request.run();
        return counter.read().minus(before);      // count(), totalTime() and syncTime() while it ran
    }
    // @end

    public static void printThreadDumpOperations() {
        // @start region="operations"
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (VmOperation op : Safepoints.operationsDuring(() -> threads.dumpAllThreads(false, false))) {
            System.out.println(op);               // ThreadDump at safepoint, 0.21 ms, requested by "main"
        }
        // @end
    }

    // @start region="recorder"
    public static void printSafepointOperations(Target target) throws IOException, InterruptedException {
        try (VmOperationRecorder recorder = VmOperationRecorder.start(target)) {
            Thread.sleep(2_000);                  // while the target works
            recorder.stop().stream()
                    .filter(VmOperation::atSafepoint)
                    .forEach(System.out::println);
        }
    }
    // @end
}
