package workbench.harness;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The check JVM's record of a run, one JSON object per line, written as each test starts and ends.
 * Because every line is on disk before the next test runs, the console still learns which test was
 * running when learner code ended the JVM (System.exit, out of memory, killed after a time-out).
 */
public final class CheckEvents {

    /**
     * One line of the record: the JVM ready to run the checks, the check class started or finished (its set-up
     * included), a test started, or finished with a status and the learner's message; a test that passed carries what
     * its checks observed, for the course's own proof, never shown to the learner. {@code at} is when it was written,
     * in milliseconds since the epoch: where the check's time went.
     */
    public record Event(Kind kind, String test, TestStatus status, String message, String observed, long at) {
    }

    public enum Kind { READY, CLASS_STARTED, STARTED, FINISHED, CLASS_FINISHED }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    public CheckEvents(Path file) {
        this.file = file;
    }

    /** The JVM is up and the check class loaded: what comes before is the JVM's start-up. */
    void ready() {
        mark(Kind.READY);
    }

    /** The check class begins, before its set-up ({@code @BeforeAll}) runs. */
    void classStarted() {
        mark(Kind.CLASS_STARTED);
    }

    /** The check class is done, its clean-up included. */
    void classFinished() {
        mark(Kind.CLASS_FINISHED);
    }

    private void mark(Kind kind) {
        append(kind, null, null, null, null);
    }

    void started(String test) {
        append(Kind.STARTED, test, null, null, null);
    }

    void finished(String test, TestStatus status, String message) {
        append(Kind.FINISHED, test, status, message, null);
    }

    void passed(String test, String observed) {
        append(Kind.FINISHED, test, TestStatus.PASS, null, observed);
    }

    /** Reads back every complete line; a line cut short by a dying JVM is ignored. */
    public static List<Event> read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                .filter(line -> line.endsWith("}"))
                .map(CheckEvents::parse)
                .toList();
    }

    private static Event parse(String line) {
        try {
            return JSON.readValue(line, Event.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable check record line: " + line, e);
        }
    }

    /** Writes one line, stamped with the time it is written. */
    private synchronized void append(Kind kind, String test, TestStatus status, String message, String observed) {
        Event event = new Event(kind, test, status, message, observed, System.currentTimeMillis());
        try {
            Files.writeString(file, JSON.writeValueAsString(event) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.SYNC);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
