package workbench.console.cli;

import picocli.CommandLine.Command;
import workbench.console.coach.Coach;
import workbench.console.course.Exercise;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

@Command(name = "watch", description = "Re-check the current exercise each time you save it (Ctrl-C ends).")
final class WatchCommand extends WorkbenchCommand {

    WatchCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() throws Exception {
        Coach coach = coach();
        try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
            Exercise exercise = coach.currentExercise();
            Path file = coach.course().exerciseFile(exercise);
            file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
            System.err.println("Watching exercises/" + exercise.file() + "; save it to check. Ctrl-C ends.");
            while (true) {
                WatchKey key = watcher.take();
                Path name = file.getFileName();
                boolean saved = key.pollEvents().stream().anyMatch(e -> name.equals(e.context()));
                key.reset();
                if (!saved) {
                    continue;
                }
                Thread.sleep(200); // editors write in several steps; check the finished file
                watcher.poll();
                Coach.CheckSummary summary = coach.check(exercise.name(), System.err::println);
                print(summary.markdown());
                Exercise next = coach.currentExercise();
                if (summary.passed() && !next.equals(exercise)) {
                    exercise = next;
                    file = coach.course().exerciseFile(exercise);
                    file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_CREATE);
                    System.err.println("Now watching exercises/" + exercise.file() + ".");
                }
            }
        }
    }
}
