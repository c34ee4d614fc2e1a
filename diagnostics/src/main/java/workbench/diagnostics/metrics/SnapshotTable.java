package workbench.diagnostics.metrics;

import java.util.stream.Collectors;

/** Renders a snapshot as aligned text: metric, attributes, value in readable units. */
final class SnapshotTable {

    private SnapshotTable() {}

    static String render(Snapshot snapshot) {
        int nameWidth = 0;
        int attributesWidth = 0;
        for (Sample sample : snapshot.samples()) {
            nameWidth = Math.max(nameWidth, sample.name().length());
            attributesWidth = Math.max(attributesWidth, attributes(sample.attributes()).length());
        }
        StringBuilder out = new StringBuilder();
        out.append("snapshot of pid ").append(snapshot.pid()).append(" at ").append(snapshot.time()).append('\n');
        for (Sample sample : snapshot.samples()) {
            out.append(String.format("%-" + nameWidth + "s  %-" + Math.max(attributesWidth, 1) + "s  %s%n",
                    sample.name(), attributes(sample.attributes()), value(sample)));
        }
        return out.toString();
    }

    private static String attributes(Attributes attributes) {
        return attributes.asMap().values().stream().collect(Collectors.joining(", "));
    }

    private static String value(Sample sample) {
        String formatted = Units.format(sample.value(), sample.metric().unit());
        if (sample.metric().kind() == Kind.HISTOGRAM) {
            return sample.count() + " events, total " + formatted;
        }
        return formatted;
    }
}
