package workbench.console.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import workbench.console.coach.Coach;
import workbench.console.course.Lesson;
import workbench.console.repl.Console;

@Command(name = "start", description = "Open the console on a lesson (default: where you left off).")
final class StartCommand extends WorkbenchCommand {

    @Parameters(arity = "0..1", paramLabel = "LESSON", description = "lesson1, lesson2, ...")
    String lesson;

    StartCommand(Workbench workbench) {
        super(workbench);
    }

    @Override
    public Integer call() throws Exception {
        Coach coach = coach();
        Lesson chosen = lesson == null ? coach.currentLesson() : coach.course().lesson(lesson);
        return new Console(workbench.state(), coach.course(), coach.inConsole(), chosen.id()).run();
    }
}
