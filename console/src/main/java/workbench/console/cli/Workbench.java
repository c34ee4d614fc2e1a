package workbench.console.cli;

import workbench.console.check.Checker;
import workbench.console.check.Limits;
import workbench.console.course.Coach;
import workbench.console.course.Course;
import workbench.console.course.ProgressStore;

import java.nio.file.Path;

/** The checkout the commands work on, and the course objects built from it once per run. */
final class Workbench {

    private final Path root;
    private Coach coach;

    Workbench(Path root) {
        this.root = root;
    }

    /** The checkout's root: set by the launcher, else the working folder. */
    static Workbench fromEnvironment() {
        return new Workbench(Path.of(System.getProperty("workbench.home", ".")).toAbsolutePath().normalize());
    }

    Path root() {
        return root;
    }

    Coach coach() {
        if (coach == null) {
            Course course = Course.load(root);
            Path state = root.resolve(".workbench");
            coach = new Coach(course, new ProgressStore(state.resolve("progress.json")),
                    new Checker(state.resolve("check"), System.getProperty("java.class.path"), Limits.DEFAULT));
        }
        return coach;
    }
}
