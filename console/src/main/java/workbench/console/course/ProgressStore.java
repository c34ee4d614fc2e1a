package workbench.console.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one owner of {@code .workbench/progress.json}. Every change goes through {@link #update}, which
 * writes a new file and moves it into place, so a crash never leaves half a file behind. A file that
 * cannot be read is set aside next to it and progress starts afresh, with a warning saying where it went.
 */
public final class ProgressStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private Progress current;
    private String warning;

    public ProgressStore(Path file) {
        this.file = file;
        this.current = load();
    }

    /** The progress as last written. */
    public synchronized Progress current() {
        return current;
    }

    /** A warning about a corrupt file found at start, once; empty otherwise. */
    public synchronized Optional<String> takeWarning() {
        Optional<String> taken = Optional.ofNullable(warning);
        warning = null;
        return taken;
    }

    /** Applies the change and writes the result before returning it. */
    public synchronized Progress update(UnaryOperator<Progress> change) {
        Progress next = change.apply(current);
        try {
            Files.createDirectories(file.getParent());
            Path fresh = Files.createTempFile(file.getParent(), "progress", ".tmp");
            JSON.writeValue(fresh.toFile(), next);
            Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save progress to " + file + ": " + e.getMessage(), e);
        }
        current = next;
        return next;
    }

    private Progress load() {
        if (!Files.exists(file)) {
            return Progress.empty();
        }
        try {
            Progress read = JSON.readValue(file.toFile(), Progress.class);
            if (read == null) {
                throw new IOException("the file is empty");
            }
            return read;
        } catch (IOException e) {
            return setAside(e);
        }
    }

    private Progress setAside(IOException cause) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warning = "Your progress file " + file + " could not be read (" + firstLine(cause)
                    + "). It was kept as " + aside.getFileName() + " and progress starts afresh; "
                    + "`workbench check` marks passed exercises again.";
        } catch (IOException moveFailed) {
            warning = "Your progress file " + file + " could not be read (" + firstLine(cause)
                    + ") nor set aside; progress starts afresh.";
        }
        return Progress.empty();
    }

    private static String firstLine(IOException e) {
        return String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
    }
}
