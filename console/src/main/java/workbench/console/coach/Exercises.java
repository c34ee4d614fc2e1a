package workbench.console.coach;

import workbench.console.course.Course;
import workbench.console.course.Exercise;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The learner's exercise files: backing them up and restoring the stubs as committed. */
final class Exercises {

    private final Course course;

    Exercises(Course course) {
        this.course = course;
    }

    /** Copies the learner's file to {@code .workbench/backups}, then restores the stub from git's HEAD. */
    Path resetWithBackup(Exercise exercise, String stamp) {
        Path file = course.exerciseFile(exercise);
        Path backups = course.root().resolve(".workbench").resolve("backups");
        Path backup = backups.resolve(exercise.name() + "-" + stamp + ".java");
        String stub = committedStub(exercise);
        try {
            Files.createDirectories(backups);
            if (Files.exists(file)) {
                Files.copy(file, backup);
            }
            Files.writeString(file, stub, StandardCharsets.UTF_8);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reset " + file + ": " + e.getMessage(), e);
        }
    }

    private String committedStub(Exercise exercise) {
        String path = "exercises/" + exercise.file();
        try {
            Process git = new ProcessBuilder("git", "-C", course.root().toString(), "show", "HEAD:" + path).start();
            byte[] text = git.getInputStream().readAllBytes();
            if (!git.waitFor(10, TimeUnit.SECONDS) || git.exitValue() != 0) {
                throw new IllegalStateException("git has no committed copy of " + path
                        + "; reset needs the workbench's git checkout.");
            }
            return new String(text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Reset needs git on the PATH to restore " + path + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while restoring " + path, e);
        }
    }
}
