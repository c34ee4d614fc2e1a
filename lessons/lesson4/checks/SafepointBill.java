package lesson4.checks;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import workbench.diagnostics.safepoint.VmOperation;

/**
 * The safepoints an answer's gauges asked for in a window, attributed by JFR's {@code jdk.ExecuteVMOperation}
 * caller: what the threads that read the gauges asked for (the scrape path) and what the answer's own threads asked
 * for (its timers). Left out: operations the JVM asked for itself, those of the check's own threads, and collections
 * that allocation forced, which any exporter's scrapes would cause and which fall on whichever thread allocates.
 *
 * @param scrapePath operations asked for by the threads that read the gauges
 * @param ownThreads operations asked for by threads the answer started
 * @param seconds    the window's length
 */
record SafepointBill(List<VmOperation> scrapePath, List<VmOperation> ownThreads, double seconds) {

    /** Threads that read the gauges: the scrapers of a burst and the threads of a {@code VarsServer}. */
    private static final List<String> READERS = List.of(ScrapeLoad.READER_PREFIX, "workbench-vars-");
    /** Threads of the check itself, of its HTTP clients and of JFR. */
    private static final List<String> CHECK = List.of("check-", "HttpClient-", "JFR ");

    /** The operations of {@code recorded} that started in the window and that the answer asked for. */
    static SafepointBill of(List<VmOperation> recorded, Instant start, Instant end, String testThread) {
        List<VmOperation> answers = recorded.stream()
                .filter(op -> op.atSafepoint() && !op.start().isBefore(start) && !op.start().isAfter(end))
                .filter(op -> !op.name().contains("Allocation"))
                .filter(op -> !op.caller().isEmpty() && !op.caller().equals(testThread)
                        && CHECK.stream().noneMatch(op.caller()::startsWith))
                .toList();
        return new SafepointBill(
                answers.stream().filter(op -> READERS.stream().anyMatch(op.caller()::startsWith)).toList(),
                answers.stream().filter(op -> READERS.stream().noneMatch(op.caller()::startsWith)).toList(),
                Duration.between(start, end).toNanos() / 1e9);
    }

    int count() {
        return scrapePath.size() + ownThreads.size();
    }

    /** Milliseconds the world stood still for these operations, time to reach the safepoint excluded. */
    double millis() {
        return (scrapePath.stream().mapToLong(op -> op.duration().toNanos()).sum()
                + ownThreads.stream().mapToLong(op -> op.duration().toNanos()).sum()) / 1e6;
    }

    /** Whether any of them was a collection asked for on purpose, such as {@code System.gc()}. */
    boolean collects() {
        return scrapePath.stream().anyMatch(SafepointBill::isCollection)
                || ownThreads.stream().anyMatch(SafepointBill::isCollection);
    }

    /** "300 FindDeadlocks from `deadlock-scan`, 5 G1CollectFull (135.3 ms) from `health`", or "none". */
    String describe() {
        Map<String, long[]> byKind = new TreeMap<>();
        for (List<VmOperation> ops : List.of(scrapePath, ownThreads)) {
            for (VmOperation op : ops) {
                long[] tally = byKind.computeIfAbsent(op.name() + " from `" + pool(op.caller()) + "`",
                        k -> new long[2]);
                tally[0]++;
                tally[1] += op.duration().toNanos();
            }
        }
        if (byKind.isEmpty()) {
            return "none";
        }
        return byKind.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue()[0], a.getValue()[0])).limit(4)
                .map(e -> String.format(Locale.ROOT, "%,d %s (%.1f ms)", e.getValue()[0],
                        e.getKey(), e.getValue()[1] / 1e6))
                .collect(Collectors.joining(", "));
    }

    private static boolean isCollection(VmOperation op) {
        return op.name().contains("Collect") || op.name().contains("GC") || op.name().contains("ConcMark");
    }

    /** A thread's name without its number, so that a pool's threads read as one. */
    private static String pool(String thread) {
        return thread.replaceAll("\\d+$", "*");
    }
}
