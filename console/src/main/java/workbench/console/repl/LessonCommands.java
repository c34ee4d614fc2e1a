package workbench.console.repl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import workbench.console.coach.Coach;
import workbench.console.course.DemoSpec;
import workbench.console.course.Exercise;
import workbench.console.course.Figures;
import workbench.console.course.Lesson;
import workbench.console.course.Prediction;
import workbench.console.markdown.TerminalRenderer;
import workbench.harness.Demos;

/** The course's commands: paging through the lesson, its demos, checks, hints and solutions. */
final class LessonCommands {

    private final Lesson lesson;
    private final Coach coach;
    private final SnippetEvaluator evaluator;
    private final ConsoleIO io;
    private final TerminalRenderer renderer;

    LessonCommands(Lesson lesson, Coach coach, SnippetEvaluator evaluator, ConsoleIO io, TerminalRenderer renderer) {
        this.lesson = lesson;
        this.coach = coach;
        this.evaluator = evaluator;
        this.io = io;
        this.renderer = renderer;
    }

    List<Command> commands() {
        Command.ArgumentCompleter exercises = typed -> lesson.exercises().stream().map(Exercise::name).toList();
        return List.of(
                Command.of("lesson", "[page]", "show the current page of the lesson, or page N", this::lessonPage),
                Command.of("next", "", "the next page", args -> turn(+1)),
                Command.of("prev", "", "the previous page", args -> turn(-1)),
                new Command("demo", "start|stop|status [name]", "run a misbehaving demo in the lab JVM",
                        this::demo, this::demoCandidates),
                new Command("edit", "[exercise]", "open your exercise in $VISUAL or $EDITOR", this::edit, exercises),
                new Command("check", "[exercise]", "run the hidden checks on your exercise", this::check, exercises),
                new Command("hint", "[exercise]", "the next hint", args -> show(coach.hint(orNull(args))), exercises),
                new Command("solution", "[exercise]", "the reference answer (after it passes, or asked twice)",
                        args -> show(coach.solution(orNull(args), false)), exercises),
                Command.of("predict", "[figure]", "guess the figure this page asks for, then measure it",
                        this::predict));
    }

    /** Shows the page the learner was reading. */
    void showCurrentPage() {
        showPage(currentPage());
    }

    private int currentPage() {
        return Math.min(coach.progress().page(lesson.id()), lesson.pages().size() - 1);
    }

    private void lessonPage(String args) {
        if (args.isEmpty()) {
            showCurrentPage();
            return;
        }
        try {
            int page = Integer.parseInt(args) - 1;
            if (page < 0 || page >= lesson.pages().size()) {
                io.println(Messages.noSuchPage(lesson.pages().size()));
            } else {
                showPage(page);
            }
        } catch (NumberFormatException e) {
            io.println(Messages.noSuchPage(lesson.pages().size()));
        }
    }

    private void turn(int step) {
        int page = currentPage() + step;
        if (page < 0) {
            io.println(Messages.FIRST_PAGE);
        } else if (page >= lesson.pages().size()) {
            io.println(Messages.LAST_PAGE);
        } else {
            showPage(page);
        }
    }

    private void showPage(int page) {
        coach.turnTo(lesson.id(), page);
        io.page(renderer.renderMarkdown(coach.page(lesson, page))
                + "\n" + Messages.pageFooter(lesson.id(), page, lesson.pages().size()));
    }

    /** Asks the current page's question, or grades the figure given against a fresh measurement. */
    private void predict(String args) {
        int page = currentPage();
        List<Prediction> asked = lesson.predictionsOn(page);
        if (asked.isEmpty()) {
            io.println(Messages.noPrediction(lesson.predictions().stream().map(p -> p.page() + 1).distinct().toList()));
            return;
        }
        Prediction prediction = asked.getFirst();
        if (args.isBlank()) {
            show(coach.question(lesson, prediction));
            return;
        }
        OptionalDouble guess = Figures.parse(args);
        if (guess.isEmpty()) {
            io.println(Messages.notAFigure(args.strip()));
            return;
        }
        io.println(Messages.MEASURING);
        show("```java\n" + prediction.measure().strip() + "\n```\n");
        Optional<String> measured = evaluator.evaluate(prediction.measure());
        OptionalDouble figure = measured.map(Figures::parse).orElse(OptionalDouble.empty());
        if (figure.isEmpty()) {
            io.println(Messages.measurementFailed(measured.orElse(null)));
            return;
        }
        show(coach.grade(lesson, prediction, guess.getAsDouble(), figure.getAsDouble()));
    }

    private void demo(String args) {
        String[] words = args.split("\\s+");
        String action = words[0];
        Optional<String> name = words.length > 1 ? Optional.of(words[1]) : defaultDemo();
        // The lab runs source: the class is named by the compiler, so that moving it breaks the build, not /demo.
        String demos = Demos.class.getName();
        String call = switch (action) {
            case "start" -> name.flatMap(this::demoSpec)
                    .map(d -> demos + ".start(\"" + d.name() + "\", \"" + d.className() + "\")")
                    .orElse(null);
            case "stop" -> name.map(n -> demos + ".stop(\"" + n + "\")").orElse(null);
            case "status", "" -> demos + ".status()";
            default -> null;
        };
        if (call == null) {
            io.println(name.isPresent() && demoSpec(name.get()).isEmpty() && action.equals("start")
                    ? Messages.unknownDemo(name.get(), demoNames())
                    : Messages.demoUsage(describeDemos()));
            return;
        }
        // Printed by the lab, so the learner reads the demo's words, not a quoted Java string.
        evaluator.evaluate("System.out.println(" + call + ");");
    }

    private Optional<String> defaultDemo() {
        return lesson.demos().size() == 1 ? Optional.of(lesson.demos().getFirst().name()) : Optional.empty();
    }

    private Optional<DemoSpec> demoSpec(String name) {
        return lesson.demos().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    private List<String> demoNames() {
        return lesson.demos().stream().map(DemoSpec::name).toList();
    }

    private String describeDemos() {
        return String.join("\n", lesson.demos().stream().map(d -> "  " + d.name() + ": " + d.about()).toList());
    }

    private List<String> demoCandidates(String typed) {
        String[] words = typed.split("\\s+", -1);
        if (words.length <= 1) {
            return List.of("start", "stop", "status");
        }
        return demoNames();
    }

    private void edit(String args) {
        Path file = coach.exerciseFile(orNull(args));
        Optional<Editor> editor = Editor.from(System.getenv());
        if (editor.isEmpty()) {
            io.println(Messages.noEditor(file));
            return;
        }
        try {
            int exit = editor.get().open(file, io);
            io.println(exit == 0 ? Messages.EDITED
                    : Messages.editorFailed(editor.get().command(), "exit status " + exit));
        } catch (IOException e) {
            io.println(Messages.editorFailed(editor.get().command(), e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void check(String args) {
        Coach.CheckSummary summary = coach.check(orNull(args), io::println);
        show(summary.markdown());
    }

    private void show(String markdown) {
        io.page(renderer.renderMarkdown(markdown));
    }

    private static String orNull(String args) {
        return args.isBlank() ? null : args.strip();
    }
}
