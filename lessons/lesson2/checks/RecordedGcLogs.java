package lesson2.checks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * GC logs of JDK 17, the older release still in wide use, whose collectors word some records differently (ZGC
 * has one generation: no "y:" or "O:", and a cycle without a duration). The checks run on the course's own JDK,
 * so these are real logs kept from real runs, one per collector, written with every decorator; each check draws
 * its own decorators from them by dropping fields, which is exactly what a JVM told to print fewer would have
 * written. How they were made: {@code jdk17/README.md}.
 */
final class RecordedGcLogs {

    static final int JDK = 17;

    private RecordedGcLogs() {
    }

    /** The collector's JDK 17 log as if written with {@code decorators}. */
    static List<String> of(String collector, String decorators) {
        String resource = "jdk17/" + collector + ".log.gz";
        try (InputStream in = RecordedGcLogs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The build did not package lesson2/checks/" + resource);
            }
            String text = new String(new GZIPInputStream(in).readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().map(line -> Decorators.keep(line, decorators)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
