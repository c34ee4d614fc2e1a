package workbench.console.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;
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

    synchronized String render(TopLayout layout) {
        SchedLine latest = lines.peekLast();
        if (latest == null) {
            return layout.row("scheduler", "…");
        }
        if (!latest.schedulerKnown()) {
            return layout.row("scheduler", "not published: this JVM has no VirtualThreadSchedulerMXBean (JDK 24+ has)");
        }
        return layout.row("scheduler", "parallelism " + latest.parallelism() + ", " + latest.carriers() + " carriers")
                + layout.row("mounted", latest.mounted() + " virtual threads")
                + layout.row("queued", latest.queued() + " virtual threads",
                        lines.stream().mapToDouble(SchedLine::queued).toArray())
                + layout.row("platform", latest.platformThreadCount() + " threads: " + latest.threadStates());
    }
}
