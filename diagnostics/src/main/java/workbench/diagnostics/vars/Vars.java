package workbench.diagnostics.vars;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A registry of named application variables, the counterpart of Go's {@code expvar}: register counters,
 * gauges, histograms and maps by name, then serve them (with the JVM's own vitals) through
 * {@link VarsServer}.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="registry"}
 *
 * <p>Names are lowercase letters, digits and underscores, starting with a letter; they must not end in
 * a suffix Prometheus gives a meaning ({@code _total}, {@code _count}, {@code _sum}, {@code _bucket},
 * {@code _created}, {@code _info}) nor start with {@code jvm_}, which the runtime's vitals use.
 * Registering a name again returns the existing variable when the kind matches. Thread-safe.
 */
public final class Vars {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern RESERVED_SUFFIX = Pattern.compile(".*_(total|count|sum|bucket|created|info)$");

    private final Map<String, Var> vars = new ConcurrentSkipListMap<>();

    /** A counter, created on first use. */
    public Counter counter(String name, String help) {
        return register(name, Counter.class, n -> new Counter(n, help));
    }

    /** A gauge set by the application, created on first use. */
    public Gauge gauge(String name, String help) {
        return register(name, Gauge.class, n -> new Gauge(n, help, null));
    }

    /** A gauge read from {@code function} at every scrape; the function should be quick and thread-safe. */
    public Gauge gauge(String name, String help, DoubleSupplier function) {
        java.util.Objects.requireNonNull(function, "function");
        return register(name, Gauge.class, n -> new Gauge(n, help, function));
    }

    /** A histogram of durations with {@link Histogram#DEFAULT_BOUNDS}, created on first use. */
    public Histogram histogram(String name, String help) {
        return histogram(name, help, Histogram.DEFAULT_BOUNDS);
    }

    /** A histogram of durations with the given increasing bucket bounds in seconds. */
    public Histogram histogram(String name, String help, double... boundsInSeconds) {
        return register(name, Histogram.class, n -> new Histogram(n, help, boundsInSeconds));
    }

    /** A map of counters by key, created on first use. */
    public VarMap map(String name, String help) {
        return register(name, VarMap.class, n -> new VarMap(n, help));
    }

    /** Every variable, sorted by name. */
    public Collection<Var> all() {
        return List.copyOf(vars.values());
    }

    /** The variable of that name, or {@code null}. */
    public Var get(String name) {
        return vars.get(name);
    }

    private <T extends Var> T register(String name, Class<T> kind, Function<String, T> create) {
        validate(name);
        Var var = vars.computeIfAbsent(name, create);
        if (!kind.isInstance(var)) {
            throw new IllegalArgumentException("\"" + name + "\" is already registered as a "
                    + var.getClass().getSimpleName() + ", not a " + kind.getSimpleName());
        }
        return kind.cast(var);
    }

    private static void validate(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid variable name \"" + name
                    + "\": use lowercase letters, digits and underscores, starting with a letter");
        }
        if (RESERVED_SUFFIX.matcher(name).matches() || name.startsWith("jvm_")) {
            throw new IllegalArgumentException("invalid variable name \"" + name
                    + "\": suffixes _total, _count, _sum, _bucket, _created, _info and the prefix jvm_ are reserved");
        }
    }
}
