package workbench.console.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import workbench.diagnostics.gc.GcLog;
import workbench.diagnostics.histogram.HistogramSnapshot;
import workbench.diagnostics.incident.Incident;
import workbench.diagnostics.jfr.GcPauseRecorder;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Units;
import workbench.diagnostics.safepoint.VmOperation;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.threads.LeakSuspect;

/** An incident folder read back as Markdown: what stopped the JVM, what its threads and heap did, where to look. */
final class IncidentReport {

    private static final int TOP = 5;
    private static final int HISTOGRAM_LINES = 12;
    /** A window longer than any capture: a series' statistics over all of it. */
    private static final Duration WHOLE = Duration.ofDays(1);
    /** The JMX threads through which an attached capture asks the target for what it records. */
    private static final String CAPTURE_THREADS = "RMI TCP Connection";

    private IncidentReport() {
    }

    static String of(Incident incident) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("# Incident: process ").append(incident.pid()).append(", ").append(incident.name()).append("\n\n")
                .append("Recorded ").append(Units.format(incident.length())).append(" from ")
                .append(incident.started()).append(". JVM options: `")
                .append(String.join(" ", incident.jvmArguments())).append("`\n\n");
        collections(out, incident);
        safepoints(out, incident.vmOperations());
        threads(out, incident);
        heap(out, incident);
        files(out, incident);
        return out.toString();
    }

    private static void collections(StringBuilder out, Incident incident) throws IOException {
        out.append("## Garbage collection\n\n");
        GcPauseRecorder gc = incident.gcPauses();
        HistogramSnapshot pauses = gc.pauses().snapshot();
        out.append(String.format(Locale.ROOT, "- %d collections, %d pauses", gc.collectionCount(), pauses.count()));
        if (pauses.count() > 0) {
            out.append(": median ").append(Units.format(pauses.percentileDuration(50)))
                    .append(", 99th percentile ").append(Units.format(pauses.percentileDuration(99)))
                    .append(", longest ").append(Units.format(Duration.ofNanos(pauses.max())));
        }
        out.append("; stopped ").append(Units.format(gc.totalPauseTime())).append(" in all, concurrent work ")
                .append(Units.format(gc.totalConcurrentTime())).append(" (JFR)\n");
        incident.gcLog().ifPresent(log -> out.append(gcLogLine(log)));
        TimeSeries allocated = incident.series("jvm.memory.allocated").rates();
        if (allocated.size() > 1) {
            out.append(String.format(Locale.ROOT, "- allocation: %s a second at the median, %s at the most%s\n",
                    mib(allocated.percentile(50, WHOLE)), mib(allocated.max(WHOLE)), spikes(allocated)));
        }
        out.append('\n');
    }

    private static String gcLogLine(GcLog log) {
        if (log.events().isEmpty()) {
            return "- GC log: no collections\n";
        }
        return "- GC log: " + log.collector() + ", " + log.pauses().size() + " pauses, stopped "
                + Units.format(log.totalPause())
                + log.truncatedLine().map(line -> " (its last line was cut)").orElse("") + "\n";
    }

    /** Seconds that allocated three times the median or more: spikes worth a look in the recording's samples. */
    private static String spikes(TimeSeries rates) {
        double median = rates.percentile(50, WHOLE);
        long spikes = rates.points().stream().filter(p -> median > 0 && p.value() >= 3 * median).count();
        return spikes == 0 ? "" : "; " + spikes + " readings at three times the median or more (spikes: see"
                + " `jdk.ObjectAllocationSample` in the recording for where)";
    }

    private static void safepoints(StringBuilder out, List<VmOperation> operations) {
        List<VmOperation> stopped = operations.stream().filter(VmOperation::atSafepoint).toList();
        out.append("## Safepoints\n\n");
        if (stopped.isEmpty()) {
            out.append("- no VM operation stopped the threads\n\n");
            return;
        }
        Duration total = stopped.stream().map(VmOperation::duration).reduce(Duration.ZERO, Duration::plus);
        out.append("- ").append(stopped.size()).append(" VM operations stopped every thread, for ")
                .append(Units.format(total)).append(" in all; the most time:\n");
        Map<String, List<VmOperation>> byKind = stopped.stream().collect(Collectors.groupingBy(
                operation -> operation.name() + (operation.caller().isEmpty() ? "" : ", asked for by "
                        + operation.caller())));
        byKind.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, List<VmOperation>> e) -> sum(e.getValue()))
                        .reversed())
                .limit(TOP)
                .forEach(e -> out.append("  - ").append(e.getKey()).append(": ").append(e.getValue().size())
                        .append(e.getValue().size() == 1 ? " time, " : " times, ")
                        .append(Units.format(sum(e.getValue()))).append('\n'));
        if (stopped.stream().anyMatch(operation -> operation.caller().startsWith(CAPTURE_THREADS))) {
            out.append("- those asked for by `").append(CAPTURE_THREADS).append("` threads came from the capture")
                    .append(" itself: starting JFR, thread dumps, reading metrics, collections its own allocations")
                    .append(" set off\n");
        }
        out.append('\n');
    }

    private static Duration sum(List<VmOperation> operations) {
        return operations.stream().map(VmOperation::duration).reduce(Duration.ZERO, Duration::plus);
    }

    private static void threads(StringBuilder out, Incident incident) throws IOException {
        out.append("## Threads\n\n");
        TimeSeries count = incident.series("jvm.thread.count");
        if (count.size() > 0) {
            out.append(String.format(Locale.ROOT, "- %.0f threads at the start, %.0f at the end\n",
                    count.points().getFirst().value(), count.latestValue()));
        }
        List<LeakSuspect> suspects = incident.leakSuspects();
        list(out, "leak suspects in " + incident.threadDumps().size() + " thread dumps over the capture", suspects,
                LeakSuspect::toString);
        list(out, "pinned virtual threads, by site", incident.pinnedSites(), PinnedSite::toString);
        out.append('\n');
    }

    private static <T> void list(StringBuilder out, String title, List<T> items, Function<T, String> line) {
        out.append("- ").append(title).append(": ").append(items.isEmpty() ? "none" : "").append('\n');
        items.stream().limit(TOP).forEach(item -> out.append("  - ").append(line.apply(item)).append('\n'));
    }

    private static void heap(StringBuilder out, Incident incident) throws IOException {
        out.append("## Heap\n\n");
        TimeSeries live = incident.series("jvm.memory.used_after_last_gc", Attributes.of("jvm.memory.type", "heap"));
        if (live.size() > 0) {
            out.append("- live set (heap used after the last collection): ")
                    .append(mib(live.points().getFirst().value())).append(" at the start, ")
                    .append(mib(live.latestValue())).append(" at the end\n");
        }
        String histogram = incident.classHistogram();
        if (!histogram.isBlank()) {
            out.append("- the classes that hold the most (after a full collection):\n\n```\n")
                    .append(histogram.lines().limit(HISTOGRAM_LINES).collect(Collectors.joining("\n")))
                    .append("\n```\n");
        }
        out.append('\n');
    }

    private static void files(StringBuilder out, Incident incident) {
        out.append("## In the folder\n\n")
                .append("- `").append(Incident.RECORDING).append("`, which JDK Mission Control opens, as does")
                .append(" `jfr`:\n\n")
                .append("  ```\n  jfr summary ").append(incident.recording()).append("\n  ```\n\n")
                .append(incident.recordingBefore().map(before -> "- `" + Incident.BEFORE + "`: what the JVM's own"
                        + " recordings held before the capture began\n").orElse("- nothing from before the capture:"
                        + " a JVM started with `-XX:StartFlightRecording:maxage=10m` keeps its last minutes\n"))
                .append("- `").append(Incident.GC_LOG).append("`, `threads-1.json` to `threads-5.json`, `")
                .append(Incident.CLASS_HISTOGRAM).append("`, `").append(Incident.METRICS).append("`\n");
        incident.missing().forEach(missing -> out.append("- not captured: ").append(missing).append('\n'));
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
    }
}
