package workbench.console.repl;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import workbench.console.coach.Coach;
import workbench.console.course.Course;
import workbench.console.course.Lesson;
import workbench.console.lab.LabCommandLine;
import workbench.console.lab.LabImports;
import workbench.console.lab.LabSession;
import workbench.console.markdown.CodeHighlighter;
import workbench.console.markdown.TerminalRenderer;

/**
 * The interactive console on one lesson: shows the lesson's page, starts the lab JVM in the
 * background and runs the prompt. Wires the three layers: the loop, the lab session, the lesson commands.
 */
public final class Console {

    /** The learner's state folder, where the console keeps its history. */
    private final Path state;
    private final Course course;
    private final Coach coach;
    private final String lessonId;
    /** Set once the loop exists; the completer, built before it, reads it on each Tab. */
    private volatile CommandTable commandTable;

    public Console(Path state, Course course, Coach coach, String lessonId) {
        this.state = state;
        this.course = course;
        this.coach = coach;
        this.lessonId = lessonId;
    }

    /** Runs the console on the process's terminal until /exit or Ctrl-D; returns the exit code. */
    public int run() {
        JavaHighlighter highlighter = new JavaHighlighter();
        return run(session -> {
            JavaCompletion completion = new JavaCompletion(session);
            return TerminalIO.open(state.resolve("console-history"),
                    new ConsoleCompleter(completion, () -> commandTable), highlighter,
                    new ConsoleParser(completion, session::shellIfReady), completion::documentation);
        }, highlighter.forCodeBlocks(), LabCommandLine.likeThisJvm());
    }

    /**
     * Runs the console on the given I/O: how tests drive it with a script.
     *
     * @param openIO opens the console's I/O once the lab session exists (completion needs it)
     */
    int run(Function<LabSession, ConsoleIO> openIO, CodeHighlighter codeHighlighter, LabCommandLine lab) {
        Lesson lesson = course.lesson(lessonId);
        SessionHolder holder = new SessionHolder();
        LabSession session = new LabSession(lab, () -> LabImports.forLesson(lab.classPath(), lesson.id()),
                new PrintStream(holder.labOutput, true, StandardCharsets.UTF_8), holder::notice);
        session.start();
        try (ConsoleIO io = openIO.apply(session); SchedWatch sched = new SchedWatch(session::pid, io);
             IncidentRecorder recorder = new IncidentRecorder(session::pid, io)) {
            holder.io = io;
            TerminalRenderer renderer = TerminalRenderer.builder().width(Math.min(io.width(), 100))
                    .styled(io.styled()).codeHighlighter(codeHighlighter).build();
            SnippetEvaluator evaluator = new SnippetEvaluator(session, io, holder.labOutput);
            LessonCommands lessonCommands = new LessonCommands(lesson, coach, evaluator, io, renderer);
            List<Command> commands = new ArrayList<>(lessonCommands.commands());
            Path incidents = course.root().resolve("incidents");
            commands.addAll(new SessionCommands(session, io, sched, recorder, incidents).commands());
            Repl repl = new Repl(io, evaluator, () -> lesson.id() + "> ", commands);
            commandTable = repl.commands();
            io.onInterrupt(session::stop);
            lessonCommands.showCurrentPage();
            // After the page, which would scroll it away: a corrupt or unwritable progress file.
            coach.takeWarning().ifPresent(io::println);
            io.println(Messages.welcome(lesson.id()));
            repl.run();
            // An incident under way is saved, and says so, before the goodbye; closing it again later does nothing.
            recorder.close();
            io.println(Messages.BYE);
            return 0;
        } finally {
            session.close();
        }
    }

    /** Lab output and notices arrive before and while the I/O is open; until then they wait. */
    private static final class SessionHolder {
        private volatile ConsoleIO io;
        private final List<String> early = new ArrayList<>();
        final LineOutputStream labOutput = new LineOutputStream(this::notice);

        synchronized void notice(String line) {
            if (io == null) {
                early.add(line);
                return;
            }
            early.forEach(io::printAbove);
            early.clear();
            io.printAbove(line);
        }
    }
}
