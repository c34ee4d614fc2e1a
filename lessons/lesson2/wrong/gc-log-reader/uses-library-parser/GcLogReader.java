// Wrong answer: hands the lines to the library's parser instead of reading them; correct figures, but the
// exercise is to write the reading, so the checks reject it.
package lesson2;

import java.time.Duration;
import java.util.List;
import workbench.diagnostics.gc.GcEvent;
import workbench.diagnostics.gc.GcLogParser;

public final class GcLogReader {

    public record Pause(long gcId, String name, Duration duration) {
    }

    private GcLogReader() {
    }

    public static List<Pause> pauses(List<String> lines) {
        return GcLogParser.parseLines(lines).pauses().stream()
                .map((GcEvent e) -> new Pause(e.gcId(), e.name(), e.duration()))
                .toList();
    }
}
