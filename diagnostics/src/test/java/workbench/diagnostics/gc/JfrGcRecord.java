package workbench.diagnostics.gc;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** What a JFR recording says about each collection: the reference the GC log parser is held to. */
record JfrGcRecord(Map<Long, Duration> sumOfPauses, Map<Long, Integer> pauseCount, Map<Long, String> names) {

    static JfrGcRecord read(Path recording) throws IOException {
        Map<Long, Duration> sums = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        Map<Long, String> names = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.GarbageCollection" -> {
                        long id = event.getLong("gcId");
                        sums.merge(id, event.getDuration("sumOfPauses"), Duration::plus);
                        names.put(id, event.getString("name"));
                    }
                    case "jdk.GCPhasePause" -> counts.merge(event.getLong("gcId"), 1, Integer::sum);
                    default -> { }
                }
            }
        }
        return new JfrGcRecord(sums, counts, names);
    }

    Duration totalPause() {
        return sumOfPauses.values().stream().reduce(Duration.ZERO, Duration::plus);
    }
}
