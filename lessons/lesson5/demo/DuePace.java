package lesson5.demo;

/**
 * How much a steady pace has made due by the clock: a leak's bytes or threads. The pace may change on the way, as a
 * leak's does when the traffic that feeds it changes, and it may start again from nothing.
 */
final class DuePace {

    private double perSecond;
    /** What was due at {@link #since}, and when that was: the pace counts from there. */
    private double base;
    private long since;

    DuePace(double perSecond, long now) {
        this.perSecond = perSecond;
        this.since = now;
    }

    synchronized double perSecond() {
        return perSecond;
    }

    /** What is due by {@code now}. */
    synchronized double due(long now) {
        return base + perSecond * (now - since) / 1000;
    }

    /** Goes on at {@code perSecond} from {@code now}, from what was due by then. */
    synchronized void change(double perSecond, long now) {
        base = due(now);
        since = now;
        this.perSecond = perSecond;
    }

    /** Starts again from nothing at {@code now}. */
    synchronized void restart(long now) {
        base = 0;
        since = now;
    }
}
