package workbench.console.coach;

import workbench.console.check.CheckReport;
import workbench.console.check.CheckScope;
import workbench.console.check.Checker;
import workbench.console.check.ReportMarkdown;
import workbench.console.course.Band;
import workbench.console.course.Course;
import workbench.console.course.Exercise;
import workbench.console.course.ExerciseProgress;
import workbench.console.course.Figures;
import workbench.console.course.Lesson;
import workbench.console.course.Pages;
import workbench.console.course.Prediction;
import workbench.console.course.PredictionResult;
import workbench.console.course.Progress;
import workbench.console.course.ProgressStore;
import workbench.harness.CheckEvents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What the learner asks of the course, from the command line or the console: checks, hints, solutions,
 * resets, the course map. Every answer is Markdown for the renderer; every learner-facing sentence about
 * the course lives here or in {@link ReportMarkdown}.
 */
public final class Coach {

    /** The outcome of {@link #check}: whether everything checked passed, and the report to show. */
    public record CheckSummary(boolean passed, String markdown, List<CheckReport> reports) {
    }

    private final Course course;
    private final ProgressStore progress;
    private final Checker checker;
    private final ReportMarkdown reports;
    private final Exercises files;
    private final CommandStyle commands;

    /** A coach whose advice names commands as typed in the shell. */
    public Coach(Course course, ProgressStore progress, Checker checker) {
        this(course, progress, checker, CommandStyle.SHELL);
    }

    private Coach(Course course, ProgressStore progress, Checker checker, CommandStyle commands) {
        this.course = course;
        this.progress = progress;
        this.checker = checker;
        this.reports = new ReportMarkdown(course.root());
        this.files = new Exercises(course);
        this.commands = commands;
    }

    /** The same coach, progress and checker, naming commands as typed in the console. */
    public Coach inConsole() {
        return new Coach(course, progress, checker, CommandStyle.CONSOLE);
    }

    public Course course() {
        return course;
    }

    public Progress progress() {
        return progress.current();
    }

    /** A one-time warning about a progress file that had to be set aside, if there was one. */
    public java.util.Optional<String> takeWarning() {
        return progress.takeWarning();
    }

    /** Records that the learner is reading that page of that lesson. */
    public void turnTo(String lessonId, int page) {
        progress.update(p -> p.atPage(lessonId, page));
    }

    /** A page of a lesson as the learner reads it: each prediction shows its question, or the answer given. */
    public String page(Lesson lesson, int page) {
        List<String> prompts = lesson.predictionsOn(page).stream()
                .map(p -> question(lesson, p)).toList();
        return Pages.replaceFencedBlocks(lesson.pages().get(page), "predict", prompts);
    }

    /** A prediction's question and how to answer it, or the answer the learner gave last. */
    public String question(Lesson lesson, Prediction prediction) {
        String asked = "> **Predict, then measure.** " + prediction.question().strip() + " (in " + prediction.unit()
                + ")\n>\n";
        return asked + progress.current().prediction(lesson.id(), prediction.id())
                .map(r -> "> You predicted " + Figures.format(r.guess()) + "; the lab measured "
                        + Figures.format(r.measured()) + ". " + commands.of("predict <figure>") + " measures again.")
                .orElse("> Type " + commands.of("predict <figure>") + " with your guess; the lab then measures it.");
    }

    /** Keeps a guess and its measurement, and says how close the guess came and what the measurement shows. */
    public String grade(Lesson lesson, Prediction prediction, double guess, double measured) {
        boolean close = prediction.band().holds(guess, measured);
        progress.update(p -> p.withPrediction(lesson.id(), prediction.id(), new PredictionResult(guess, measured, close)));
        String verdict = close ? "Close: your guess lies " + prediction.band() + " of the measurement."
                : "Not close: " + distance(guess, measured, prediction.band()) + ", outside the band ("
                        + prediction.band() + ").";
        return "**You predicted " + Figures.format(guess) + "; the lab measured " + Figures.format(measured) + " "
                + prediction.unit() + ".** " + verdict + "\n\n"
                + (prediction.explain() == null ? "" : prediction.explain().strip() + "\n");
    }

    /** How far off a guess is, in the band's terms: a factor, or a difference. */
    private static String distance(double guess, double measured, Band band) {
        if (!band.factor() || guess <= 0 || measured <= 0) {
            return "the measurement is " + Figures.format(Math.abs(measured - guess)) + (measured > guess
                    ? " above" : " below") + " your guess";
        }
        return measured > guess ? "the measurement is " + Figures.format(measured / guess) + " times your guess"
                : "your guess is " + Figures.format(guess / measured) + " times the measurement";
    }

    /** The lesson to resume: the last one opened, else the first. */
    public Lesson currentLesson() {
        String id = progress.current().lesson();
        return id == null ? course.lessons().getFirst() : course.findLesson(id).orElse(course.lessons().getFirst());
    }

    /** The first exercise of the current lesson not yet passed; the lesson's last when all have. */
    public Exercise currentExercise() {
        List<Exercise> exercises = currentLesson().exercises();
        return exercises.stream().filter(e -> !progress.current().of(e.name()).passed()).findFirst()
                .orElse(exercises.getLast());
    }

    /**
     * Checks an exercise, every exercise of a lesson, or (for {@code null}) the current exercise.
     *
     * @param progressLine told the name of each exercise as its check starts, then each test's name as it starts
     *                     and its verdict as it ends: a check can take a minute
     */
    public CheckSummary check(String target, Consumer<String> progressLine) {
        List<Exercise> chosen = target == null ? List.of(currentExercise())
                : course.findLesson(target).map(Lesson::exercises).orElseGet(() -> List.of(exerciseOrLesson(target)));
        List<CheckReport> done = new ArrayList<>();
        StringBuilder md = new StringBuilder();
        for (Exercise exercise : chosen) {
            progressLine.accept("Checking " + exercise.name() + " …");
            CheckReport report = checker.check(exercise, course.exerciseFile(exercise), CheckScope.ALL,
                    event -> progressLine.accept(progress(event)));
            done.add(report);
            if (report.passed()) {
                progress.update(p -> p.withExercise(exercise.name(), ExerciseProgress::withPassed));
            }
            md.append(reports.render(report)).append('\n');
        }
        boolean allPassed = done.stream().allMatch(CheckReport::passed);
        if (allPassed) {
            md.append(nextStep(chosen.getLast()));
        } else {
            firstFailed(done).ifPresent(failed -> md.append("Stuck? ").append(commands.of("hint " + failed.name()))
                    .append(" gives the next hint.\n"));
        }
        return new CheckSummary(allPassed, md.toString(), done);
    }

    private static String progress(CheckEvents.Event event) {
        return event.kind() == CheckEvents.Kind.STARTED ? "  … " + event.test()
                : "  " + ReportMarkdown.mark(event.status()) + " " + event.test();
    }

    /** The exercise of that name; a name shaped like a lesson id gets an answer about lessons. */
    private Exercise exerciseOrLesson(String name) {
        if (name.matches("lesson\\d+")) {
            throw new NoSuchElementException("There is no " + name + ". The lessons are "
                    + course.lessons().getFirst().id() + " to " + course.lessons().getLast().id() + "; "
                    + commands.of("list") + " shows them with their exercises.");
        }
        return course.exercise(name);
    }

    /** The first exercise whose code was judged and found wanting: a hint cannot help a check that never ran. */
    private static Optional<Exercise> firstFailed(List<CheckReport> reports) {
        return reports.stream().filter(r -> !r.passed() && r.judgedTheCode()).findFirst().map(CheckReport::exercise);
    }

    private String nextStep(Exercise last) {
        Lesson lesson = course.lesson(last.lessonId());
        int at = lesson.exercises().indexOf(last);
        if (at + 1 < lesson.exercises().size()) {
            Exercise next = lesson.exercises().get(at + 1);
            return "Next: **" + next.name() + "** in `exercises/" + next.file() + "`.\n";
        }
        int lessonAt = course.lessons().indexOf(lesson);
        return lessonAt + 1 < course.lessons().size()
                ? "That completes " + lesson.id() + ". Next: "
                        + CommandStyle.SHELL.of("start " + course.lessons().get(lessonAt + 1).id()) + ".\n"
                : "That completes the course.\n";
    }

    /** The learner's file of the exercise of that name, or (for {@code null}) of the current exercise. */
    public Path exerciseFile(String name) {
        return course.exerciseFile(name == null ? currentExercise() : course.exercise(name));
    }

    /** The exercise's next hint; the last one again once all were shown. */
    public String hint(String name) {
        Exercise exercise = name == null ? currentExercise() : course.exercise(name);
        int shown = progress.current().of(exercise.name()).hintsShown();
        int index = Math.min(shown, exercise.hints().size() - 1);
        progress.update(p -> p.withExercise(exercise.name(), e -> e.withHintsShown(Math.max(shown, index + 1))));
        String more = index + 1 < exercise.hints().size()
                ? "Ask again for a stronger hint."
                : "That was the last hint. " + commands.of("solution " + exercise.name()) + " shows the reference answer.";
        return "### Hint " + (index + 1) + " of " + exercise.hints().size() + " for " + exercise.name() + "\n\n"
                + exercise.hints().get(index).strip() + "\n\n" + more + "\n";
    }

    /** The reference answer: once the exercise passes, when asked a second time, or when forced. */
    public String solution(String name, boolean force) {
        Exercise exercise = name == null ? currentExercise() : course.exercise(name);
        ExerciseProgress state = progress.current().of(exercise.name());
        if (!state.passed() && !force && state.solutionRequests() == 0) {
            progress.update(p -> p.withExercise(exercise.name(), ExerciseProgress::withSolutionRequest));
            return "You have not passed **" + exercise.name() + "** yet, and working it out is where the learning is. "
                    + "Try " + commands.of("hint " + exercise.name()) + " first. Ask for the solution once more to see it anyway.\n";
        }
        return "### Reference solution: " + exercise.name() + "\n\n`solutions/" + exercise.file() + "`\n\n```java\n"
                + read(course.solutionFile(exercise)).strip() + "\n```\n";
    }

    /** Puts the exercise back as it was shipped, keeping the learner's version under {@code .workbench/backups}. */
    public String reset(String name) {
        Exercise exercise = course.exercise(name);
        Path backup = files.resetWithBackup(exercise, LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return "Reset `exercises/" + exercise.file() + "` to the original stub. Your version is kept as `"
                + course.root().relativize(backup) + "`.\n";
    }

    /** The course map: each lesson and its exercises with their status. */
    public String list() {
        StringBuilder md = new StringBuilder("# The course\n\n");
        Lesson current = currentLesson();
        for (Lesson lesson : course.lessons()) {
            md.append("## ").append(lesson.id()).append(": ").append(lesson.title())
                    .append(lesson.equals(current) ? " ← you are here" : "").append("\n\n")
                    .append(lesson.summary() == null ? "" : lesson.summary().strip() + "\n\n")
                    .append("| exercise | kind | status | file |\n|---|---|---|---|\n");
            for (Exercise exercise : lesson.exercises()) {
                ExerciseProgress state = progress.current().of(exercise.name());
                String status = state.passed() ? "✓ passed"
                        : state.hintsShown() == 1 ? "not yet (1 hint)"
                        : state.hintsShown() > 1 ? "not yet (" + state.hintsShown() + " hints)" : "not yet";
                md.append("| ").append(exercise.name()).append(" | ").append(exercise.kind()).append(" | ")
                        .append(status).append(" | `exercises/").append(exercise.file()).append("` |\n");
            }
            md.append('\n');
        }
        return md.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
