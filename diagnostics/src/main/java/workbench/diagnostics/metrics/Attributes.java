package workbench.diagnostics.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The attribute set that tells one value of a metric from another, such as
 * {@code {jvm.memory.pool.name=G1 Eden Space, jvm.memory.type=heap}}. Immutable, sorted by key.
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="attributes"}
 */
public final class Attributes {

    /** The empty set. */
    public static final Attributes EMPTY = new Attributes(new TreeMap<>());

    private final SortedMap<String, String> entries;

    private Attributes(SortedMap<String, String> entries) {
        this.entries = Collections.unmodifiableSortedMap(entries);
    }

    /**
     * Attributes from alternating keys and values.
     *
     * @throws IllegalArgumentException on an odd number of strings
     * @throws NullPointerException on a null key or value
     */
    public static Attributes of(String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("expected key, value pairs; got " + keysAndValues.length + " strings");
        }
        SortedMap<String, String> map = new TreeMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(Objects.requireNonNull(keysAndValues[i], "key"),
                    Objects.requireNonNull(keysAndValues[i + 1], "value of " + keysAndValues[i]));
        }
        return new Attributes(map);
    }

    /** Attributes from a map (copied). */
    public static Attributes of(Map<String, String> map) {
        return new Attributes(new TreeMap<>(map));
    }

    /** The value of a key, or {@code null}. */
    public String get(String key) {
        return entries.get(key);
    }

    /** Every key and value, sorted by key. */
    public SortedMap<String, String> asMap() {
        return entries;
    }

    /** Whether this set holds every key and value of {@code other} (the empty set matches everything). */
    public boolean matches(Attributes other) {
        for (Map.Entry<String, String> entry : other.entries.entrySet()) {
            if (!entry.getValue().equals(entries.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** Whether there are no attributes. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that && entries.equals(that.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return entries.toString();
    }
}
