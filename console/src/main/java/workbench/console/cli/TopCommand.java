package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import workbench.console.repl.Terminals;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;
import workbench.diagnostics.sched.SchedTrace;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.target.Target;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

/** A live view of another JVM's vital signs, read without stopping it, like jstat with sparklines. */
@Command(name = "top", description = "Watch any running JVM's vital signs by process id (Ctrl-C ends).")
final class TopCommand implements Callable<Integer> {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    @Parameters(paramLabel = "PID", description = "the process id of a JVM run by the same user")
    long pid;

    @Option(names = "--interval", defaultValue = "1s", paramLabel = "DURATION",
            converter = DurationConverter.class, description = "time between readings (default: 1s)")
    Duration interval;

    @Option(names = "--count", defaultValue = "0", description = "stop after this many screens (0: until Ctrl-C)")
    int count;

    @Override
    public Integer call() throws Exception {
        WatchableJvm.require(pid);
        boolean redraw = Terminals.styled();
        int capacity = (int) Math.max(2, WINDOW.dividedBy(interval) * 6);
        SchedPanel schedPanel = new SchedPanel(capacity);
        TopLayout layout = new TopLayout(Output.width());
        try (Target target = Target.attach(pid);
             Sampler sampler = Sampler.start(target, interval, capacity);
             SchedTrace _ = SchedTrace.start(target, interval, schedPanel)) {
            for (int screen = 1; count == 0 || screen <= count; screen++) {
                Thread.sleep(interval.toMillis());
                if (sampler.lastError() != null && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    System.out.println("Process " + pid + " has exited.");
                    return 0;
                }
                System.out.print((redraw ? "\033[H\033[2J" : "") + screen(target, sampler, schedPanel, layout));
                System.out.flush();
            }
        }
        return 0;
    }

    private static String screen(Target target, Sampler sampler, SchedPanel schedPanel, TopLayout layout) {
        Snapshot now = sampler.latest();
        if (now == null) {
            return "waiting for the first reading…\n";
        }
        StringBuilder out = new StringBuilder(layout.title(target.pid() + "  " + target.displayName())).append('\n');
        line(out, layout, "heap used", mib(now.value("jvm.memory.used", "jvm.memory.type", "heap")) + " of "
                + mib(now.value("jvm.memory.committed", "jvm.memory.type", "heap")) + " committed",
                sampler.series("jvm.memory.used", Attributes.of("jvm.memory.type", "heap")));
        counterLine(out, layout, "allocated", sampler.series("jvm.memory.allocated"), 1.0 / (1024 * 1024), "MiB/s");
        line(out, layout, "threads", String.format(Locale.ROOT, "%.0f live, %.0f blocked",
                        now.value("jvm.thread.count"), orZero(now.value("jvm.thread.count", "jvm.thread.state",
                                "blocked"))),
                sampler.series("jvm.thread.count"));
        line(out, layout, "cpu", String.format(Locale.ROOT, "%.0f %%",
                100 * orZero(now.value("jvm.cpu.recent_utilization"))), sampler.series("jvm.cpu.recent_utilization"));
        counterLine(out, layout, "gc time", sampler.series("jvm.gc.duration"), 1000, "ms/s");
        counterLine(out, layout, "safepoints", sampler.series("jvm.safepoint.count"), 1, "/s");
        line(out, layout, "classes", String.format(Locale.ROOT, "%.0f loaded", now.value("jvm.class.count")),
                sampler.series("jvm.class.count"));
        return out.append('\n').append(schedPanel.render(layout)).append('\n').toString();
    }

    private static void line(StringBuilder out, TopLayout layout, String label, String value, TimeSeries series) {
        out.append(layout.row(label, value, series.values()));
    }

    /** A counter's rate over the window, and a sparkline of its rate between readings: a total is always a ramp. */
    private static void counterLine(StringBuilder out, TopLayout layout, String label, TimeSeries total, double scale,
                                    String unit) {
        String rate = total.size() < 2 ? "…"
                : String.format(Locale.ROOT, "%.1f %s", total.rate(WINDOW) * scale, unit);
        line(out, layout, label, rate, total.rates());
    }

    private static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024 * 1024));
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }
}
