package workbench.diagnostics.vars;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters by key, like Go's {@code expvar.Map}: served as a JSON object and as one Prometheus counter
 * with a {@code key} label.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="map"}
 *
 * Keys must not be null; keep their number bounded (a status, not a user id).
 */
public final class VarMap implements Var {

    private final String name;
    private final String help;
    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    VarMap(String name, String help) {
        this.name = name;
        this.help = help;
    }

    /** Adds one to the key's count. */
    public void increment(String key) {
        add(key, 1);
    }

    /**
     * Adds {@code delta} to the key's count.
     *
     * @throws IllegalArgumentException when negative
     */
    public void add(String key, long delta) {
        if (delta < 0) {
            throw new IllegalArgumentException("map counts only go up; got " + delta + " for " + key);
        }
        counts.computeIfAbsent(key, k -> new LongAdder()).add(delta);
    }

    /** The key's count, 0 when never added. */
    public long get(String key) {
        LongAdder count = counts.get(key);
        return count == null ? 0 : count.sum();
    }

    /** Every key with its count, sorted by key. */
    public Map<String, Long> asMap() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((key, count) -> copy.put(key, count.sum()));
        return copy;
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
        return "map " + name + " = " + asMap();
    }
}
