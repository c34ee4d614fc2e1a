package workbench.diagnostics.vars;

import java.util.concurrent.atomic.LongAdder;

/**
 * A count that only goes up, cheap to increment from many threads at once.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="counter"}
 */
public final class Counter implements Var {

    private final String name;
    private final String help;
    private final LongAdder count = new LongAdder();

    Counter(String name, String help) {
        this.name = name;
        this.help = help;
    }

    /** Adds one. */
    public void increment() {
        count.increment();
    }

    /**
     * Adds {@code delta}.
     *
     * @throws IllegalArgumentException when negative: a counter never goes down
     */
    public void add(long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("a counter only goes up; use a Gauge for " + name);
        }
        count.add(delta);
    }

    /** The current count. */
    public long get() {
        return count.sum();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String help() {
        return help;
    }

    /** For the console: kind, name and current value. */
    @Override
    public String toString() {
        return "counter " + name + " = " + get();
    }
}
