package workbench.diagnostics.vars;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/**
 * A value that goes up and down: set directly, or read from a function at every scrape.
 *
 * {@snippet class="workbench.diagnostics.snippets.VarsSnippets" region="gauge"}
 */
public final class Gauge implements Var {

    private final String name;
    private final String help;
    private final DoubleSupplier function;
    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

    Gauge(String name, String help, DoubleSupplier function) {
        this.name = name;
        this.help = help;
        this.function = function;
    }

    /**
     * Sets the value.
     *
     * @throws IllegalStateException on a gauge read from a function
     */
    public void set(double newValue) {
        requireSettable();
        bits.set(Double.doubleToLongBits(newValue));
    }

    /**
     * Adds to the value (negative to subtract).
     *
     * @throws IllegalStateException on a gauge read from a function
     */
    public void add(double delta) {
        requireSettable();
        bits.getAndUpdate(old -> Double.doubleToLongBits(Double.longBitsToDouble(old) + delta));
    }

    /** The current value; a function that throws reads as NaN. */
    public double get() {
        if (function == null) {
            return Double.longBitsToDouble(bits.get());
        }
        try {
            return function.getAsDouble();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void requireSettable() {
        if (function != null) {
            throw new IllegalStateException(name + " is read from a function; it cannot be set");
        }
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
        return "gauge " + name + " = " + get();
    }
}
