package workbench.diagnostics.metrics;

import java.util.List;
import java.util.Objects;

/**
 * A named metric of the catalogue: what it measures, in which unit, and which attributes split it.
 * Names and units follow the OpenTelemetry JVM semantic conventions where one exists
 * ({@code jvm.memory.used} in {@code By}, {@code jvm.cpu.time} in {@code s}).
 *
 * {@snippet class="workbench.diagnostics.snippets.MetricsSnippets" region="metric"}
 *
 * @param name dotted name, such as {@code jvm.thread.count}
 * @param unit UCUM unit as OpenTelemetry writes it: {@code By}, {@code s}, {@code 1}, or an annotation like {@code {thread}}
 * @param kind counter, gauge or histogram
 * @param description one sentence on what it measures and where the value comes from
 * @param attributes names of the attributes its values are split by, possibly none
 */
public record Metric(String name, String unit, Kind kind, String description, List<String> attributes) {

    /** Validates the parts and freezes the attribute list. */
    public Metric {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        attributes = List.copyOf(attributes);
    }

    @Override
    public String toString() {
        return name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", " + unit + "): " + description;
    }
}
