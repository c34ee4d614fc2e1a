package workbench.console.course;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one owner of {@code .workbench/progress.json}. Every change goes through {@link #update}, which applies it
 * to the file's latest content under a file lock, so two consoles, or a console and a check in another terminal,
 * merge their changes instead of overwriting each other; it writes a new file and moves it into place, so a crash
 * never leaves half a file behind. A file that cannot be read is set aside next to it and progress starts afresh,
 * with a warning saying where it went. A folder that cannot be written to costs the saving, never the session.
 */
public final class ProgressStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private final Path lockFile;
    private Progress current;
    private String warning;
    private boolean unsaved;

    public ProgressStore(Path file) {
        this.file = file;
        this.lockFile = file.resolveSibling("." + file.getFileName() + ".lock");
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

    /**
     * Applies the change to the latest saved progress, which another process may have written since, and saves
     * the result before returning it. When saving fails, the change is kept for this run only, with a warning.
     */
    public synchronized Progress update(UnaryOperator<Progress> change) {
        if (unsaved) {
            current = change.apply(current);
            return current;
        }
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                Progress next = change.apply(latestSaved().orElse(current));
                Path fresh = Files.createTempFile(file.getParent(), "progress", ".tmp");
                JSON.writeValue(fresh.toFile(), next);
                Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                current = next;
            }
        } catch (IOException e) {
            unsaved = true;
            warning = "Your progress cannot be saved in " + file.getParent() + " (" + reason(e) + "). The workbench"
                    + " goes on and keeps this run's progress in memory; make that folder writable to save it.";
            current = change.apply(current);
        }
        return current;
    }

    /** The progress on disk now, when it can be read; a file another process is replacing may briefly not be. */
    private Optional<Progress> latestSaved() {
        try {
            return Files.exists(file) ? Optional.ofNullable(JSON.readValue(file.toFile(), Progress.class))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private Progress load() {
        if (!Files.exists(file)) {
            return Progress.empty();
        }
        try {
            String text = Files.readString(file);
            if (text.isBlank()) {
                return setAside("it is empty");
            }
            Progress read = JSON.readValue(text, Progress.class);
            return read != null ? read : setAside("it holds null instead of your progress");
        } catch (JsonProcessingException e) {
            return setAside(e.getLocation() == null ? "it is not the JSON the workbench writes"
                    : "it is not the JSON the workbench writes, from line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            return setAside(reason(e));
        }
    }

    private Progress setAside(String why) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt-" + stamp);
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            warning = "Your progress file " + file + " could not be read: " + why + ". It was kept as "
                    + aside.getFileName() + " and progress starts afresh; `./workbench check` marks passed"
                    + " exercises again.";
        } catch (IOException moveFailed) {
            warning = "Your progress file " + file + " could not be read: " + why + ", nor set aside ("
                    + reason(moveFailed) + "); progress starts afresh.";
        }
        return Progress.empty();
    }

    /** An I/O failure in a few words: what was refused, without the exception's class name. */
    private static String reason(IOException e) {
        return switch (e) {
            case AccessDeniedException denied -> "permission denied: " + denied.getFile();
            case FileSystemException fs when fs.getReason() != null -> fs.getReason() + ": " + fs.getFile();
            default -> String.valueOf(e.getMessage()).lines().findFirst().orElse("unreadable");
        };
    }
}
