package workbench.diagnostics.gc;

import java.lang.management.GarbageCollectorMXBean;
import java.time.Duration;
import java.util.List;

/** Running total of GC pause time, started from what the collector beans counted before the trace began. */
final class PauseShare {

    private Duration paused;

    PauseShare(List<GarbageCollectorMXBean> collectors) {
        long millis = collectors.stream()
                .filter(bean -> !isConcurrentBean(bean.getName()))
                .mapToLong(bean -> Math.max(0, bean.getCollectionTime()))
                .sum();
        paused = Duration.ofMillis(millis);
    }

    /** Adds a pause and returns the share of {@code uptime} spent paused so far. */
    synchronized double add(Duration pause, Duration uptime) {
        paused = paused.plus(pause);
        return uptime.isZero() ? 0 : Math.min(1, paused.toNanos() / (double) uptime.toNanos());
    }

    /** Beans that time whole concurrent cycles ({@code ZGC Major Cycles}, {@code Shenandoah Cycles}), not pauses. */
    static boolean isConcurrentBean(String name) {
        return name.endsWith(" Cycles");
    }
}
