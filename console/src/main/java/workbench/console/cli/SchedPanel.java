package workbench.console.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
import workbench.diagnostics.sampling.Sparklines;
import workbench.diagnostics.sched.SchedLine;

/**
 * The scheduler panel of {@code top}: the latest {@link SchedLine}'s figures, and queued virtual threads over
 * the recent lines as a sparkline. Fed by a {@link workbench.diagnostics.sched.SchedTrace}; thread-safe.
 */
final class SchedPanel implements Consumer<SchedLine> {

    private final int capacity;
    private final Deque<SchedLine> lines = new ArrayDeque<>();

    /** @param capacity how many lines the sparkline spans */
    SchedPanel(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public synchronized void accept(SchedLine line) {
        if (lines.size() == capacity) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    synchronized String render() {
        SchedLine latest = lines.peekLast();
        if (latest == null) {
            return TopRow.of("scheduler", "…", "");
        }
        if (!latest.schedulerKnown()) {
            return TopRow.of("scheduler", "not published: this JVM has no VirtualThreadSchedulerMXBean (JDK 24+ has)", "");
        }
        return TopRow.of("scheduler", "parallelism " + latest.parallelism() + ", " + latest.carriers() + " carriers", "")
                + TopRow.of("mounted", latest.mounted() + " virtual threads", "")
                + TopRow.of("queued", latest.queued() + " virtual threads", queuedSparkline())
                + TopRow.of("platform", latest.platformThreadCount() + " threads: " + latest.threadStates(), "");
    }

    private String queuedSparkline() {
        if (lines.size() < 2) {
            return "";
        }
        return Sparklines.of(lines.stream().mapToDouble(SchedLine::queued).toArray(), TopRow.SPARKLINE_WIDTH);
    }
}
