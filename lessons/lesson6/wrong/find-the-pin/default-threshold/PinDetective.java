package lesson6;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedFrame;
import jdk.management.jfr.RemoteRecordingStream;
import workbench.diagnostics.target.Target;

/** Streams jdk.VirtualThreadPinned with JFR's own settings for it and counts pins by application frame. */
public final class PinDetective {

    private PinDetective() {}

    public static String pinningSite(Target service) throws IOException, InterruptedException {
        Map<String, Long> nanosBySite = new HashMap<>();
        try (RemoteRecordingStream stream = new RemoteRecordingStream(service.connection())) {
            stream.enable("jdk.VirtualThreadPinned").withStackTrace();
            stream.onEvent("jdk.VirtualThreadPinned", event -> {
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    if (type.startsWith("lesson6.")) {
                        synchronized (nanosBySite) {
                            nanosBySite.merge(type + "." + frame.getMethod().getName(),
                                    event.getDuration().toNanos(), Long::sum);
                        }
                        return;
                    }
                }
            });
            stream.startAsync();
            Thread.sleep(3_000);
            stream.stop();
        }
        synchronized (nanosBySite) {
            return nanosBySite.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                    .orElse(null);
        }
    }
}
