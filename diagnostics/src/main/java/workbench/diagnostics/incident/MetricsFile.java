package workbench.diagnostics.incident;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.metrics.Sample;
import workbench.diagnostics.metrics.Snapshot;
import workbench.diagnostics.sampling.Point;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * An incident's sampled metrics, one JSON object per sample and line ({@code time}, {@code name},
 * {@code attributes}, {@code value}), so that {@code jq} and a spreadsheet read it as easily as {@link Incident}.
 */
final class MetricsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the file; the time as ISO-8601 text, which Jackson writes without its java.time module. */
    record Line(String time, String name, Map<String, String> attributes, double value) {
    }

    private MetricsFile() {
    }

    static void write(Path file, List<Snapshot> snapshots) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (Snapshot snapshot : snapshots) {
                for (Sample sample : snapshot.samples()) {
                    if (Double.isFinite(sample.value())) {  // JSON has no NaN
                        out.write(JSON.writeValueAsString(new Line(snapshot.time().toString(), sample.name(),
                                sample.attributes().asMap(), sample.value())));
                        out.newLine();
                    }
                }
            }
        }
    }

    /** A metric summed, at each sampling time, over the attribute sets that contain {@code filter}. */
    static TimeSeries series(Path file, String name, Attributes filter) throws IOException {
        Map<Instant, Double> sums = new TreeMap<>();
        try (BufferedReader in = Files.newBufferedReader(file)) {
            for (String text = in.readLine(); text != null; text = in.readLine()) {
                Line line = JSON.readValue(text, Line.class);
                if (line.name().equals(name) && Attributes.of(line.attributes()).matches(filter)) {
                    sums.merge(Instant.parse(line.time()), line.value(), Double::sum);
                }
            }
        }
        List<Point> points = new ArrayList<>();
        sums.forEach((time, value) -> points.add(new Point(time, value)));
        return new TimeSeries(filter.isEmpty() ? name : name + filter, points);
    }
}
