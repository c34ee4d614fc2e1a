package workbench.console.cli;

import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.console.coach.Coach;
import workbench.console.course.Course;
import workbench.console.course.ProgressStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The checkout the commands work on, and the course objects built from it once per run. */
final class Workbench {

    private final Path root;
    private final Path state;
    private Coach coach;

    Workbench(Path root, Path state) {
        this.root = root;
        this.state = state;
    }

    /**
     * The checkout's root, set by the launcher, else the working folder; the learner's state in its
     * {@code .workbench} folder, unless {@code workbench.state} names another (the launcher's start-up training
     * run uses a scratch one, so that it leaves the learner's progress and history untouched).
     */
    static Workbench fromEnvironment() {
        Path root = Path.of(System.getProperty("workbench.home", ".")).toAbsolutePath().normalize();
        String state = System.getProperty("workbench.state");
        return new Workbench(root, state == null ? root.resolve(".workbench") : Path.of(state).toAbsolutePath());
    }

    Path root() {
        return root;
    }

    /** Where progress, console history and check scratch space are kept. */
    Path state() {
        return state;
    }

    Coach coach() {
        if (coach == null) {
            Course course = Course.load(root);
            coach = new Coach(course, new ProgressStore(state.resolve("progress.json")),
                    new Checker(scratch(state), System.getProperty("java.class.path"), Limits.DEFAULT));
        }
        return coach;
    }

    /** Warnings the coach gathered while the command ran: progress that could not be read or saved. */
    Optional<String> takeWarning() {
        return coach == null ? Optional.empty() : coach.takeWarning();
    }

    /** The checker's scratch space: in the state folder, or a temporary one where that cannot be written. */
    private static Path scratch(Path state) {
        Path check = state.resolve("check");
        try {
            if (Files.isWritable(Files.createDirectories(check))) {
                return check;
            }
        } catch (IOException e) {
            // a read-only checkout: compile in a temporary folder instead
        }
        try {
            return Files.createTempDirectory("workbench-check");
        } catch (IOException e) {
            throw new UncheckedIOException("No folder to compile checks in: " + e.getMessage(), e);
        }
    }
}
