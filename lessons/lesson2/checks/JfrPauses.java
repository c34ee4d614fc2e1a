package lesson2.checks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/** JFR's own record of a run's pauses, per GC id: the truth the learner's readings are held to. */
record JfrPauses(Map<Long, Duration> sumOfPauses, Map<Long, Integer> pauseCount) {

    static JfrPauses read(Path recording) throws IOException {
        Map<Long, Duration> sums = new TreeMap<>();
        Map<Long, Integer> counts = new TreeMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                switch (event.getEventType().getName()) {
                    case "jdk.GarbageCollection" ->
                            sums.merge(event.getLong("gcId"), event.getDuration("sumOfPauses"), Duration::plus);
                    case "jdk.GCPhasePause" -> counts.merge(event.getLong("gcId"), 1, Integer::sum);
                    default -> { }
                }
            }
        }
        return new JfrPauses(sums, counts);
    }
}
