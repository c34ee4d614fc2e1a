package lesson6;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import workbench.diagnostics.jfr.JfrStream;
import workbench.diagnostics.target.Target;

/** The site where the service spends most of its time, from JFR's execution samples: the one that holds carriers. */
public final class PinDetective {

    private PinDetective() {}

    public static String pinningSite(Target service) throws IOException, InterruptedException {
        Map<String, Integer> samplesBySite = new HashMap<>();
        try (JfrStream stream = JfrStream.open(service)) {
            stream.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            stream.onEvent(event -> {
                if (event.getStackTrace() == null) {
                    return;
                }
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    if (type.startsWith("lesson6.demo.") && frame.getMethod().getName().equals("work")) {
                        synchronized (samplesBySite) {
                            samplesBySite.merge(type + ".work", 1, Integer::sum);
                        }
                        return;
                    }
                }
            });
            stream.startAsync();
            Thread.sleep(3_000);
            stream.stop();
        }
        synchronized (samplesBySite) {
            return samplesBySite.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
        }
    }
}
