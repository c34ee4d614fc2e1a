package workbench.console.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a course's content for the mistakes an author makes: duplicate names, missing files, stubs not
 * marked TODO, too few hints, too few wrong answers to prove the checks discriminate.
 */
public final class CourseValidator {

    static final int MIN_HINTS = 2;
    static final int MIN_WRONG_ANSWERS = 5;
    /** Of those, written by someone who saw the lesson, the stub and its hints, never the checks. */
    static final int MIN_INDEPENDENT_WRONG_ANSWERS = 3;

    private final Course course;
    private final List<String> problems = new ArrayList<>();

    private CourseValidator(Course course) {
        this.course = course;
    }

    /** Every problem found, one sentence each; empty when the content is sound. */
    public static List<String> problems(Course course) {
        CourseValidator validator = new CourseValidator(course);
        validator.validate();
        return List.copyOf(validator.problems);
    }

    private void validate() {
        if (course.lessons().isEmpty()) {
            problems.add("There are no lessons under " + course.root().resolve("lessons"));
        }
        Set<String> names = new HashSet<>();
        for (Lesson lesson : course.lessons()) {
            require(lesson.title() != null && !lesson.title().isBlank(), lesson.id() + " has no title");
            require(!lesson.pages().isEmpty(), lesson.id() + " has no lesson.md text");
            lesson.demos().forEach(demo -> require(classExists(demo.className()),
                    lesson.id() + "'s demo " + demo.name() + " names class " + demo.className() + ", which does not exist"));
            Set<String> predictionIds = new HashSet<>();
            for (Prediction prediction : lesson.predictions()) {
                validate(lesson, prediction, predictionIds);
            }
            for (Exercise exercise : lesson.exercises()) {
                require(names.add(exercise.name()), "exercise name " + exercise.name() + " is used twice");
                validate(exercise);
            }
        }
    }

    private void validate(Lesson lesson, Prediction prediction, Set<String> ids) {
        String which = lesson.id() + "'s prediction on page " + (prediction.page() + 1);
        require(prediction.id() != null && ids.add(prediction.id()), which + " needs an id of its own");
        require(prediction.question() != null && prediction.unit() != null, which + " needs a question and a unit");
        require(prediction.band() != null, which + " needs a band: x2 (within a factor) or ±5 (within a distance)");
        require(prediction.measure() != null && !prediction.measure().isBlank(),
                which + " needs Java to measure with (measure)");
    }

    private void validate(Exercise exercise) {
        String name = exercise.name();
        Path stub = course.exerciseFile(exercise);
        require(Files.exists(stub), name + ": exercises/" + exercise.file() + " is missing");
        require(!Files.exists(stub) || read(stub).contains("TODO"), name + ": the stub is not marked TODO");
        require(Files.exists(course.solutionFile(exercise)), name + ": solutions/" + exercise.file() + " is missing");
        require(exercise.hints().size() >= MIN_HINTS, name + " has " + exercise.hints().size()
                + " hints; it needs at least " + MIN_HINTS);
        require(exercise.checks() != null && classExists(exercise.checks()),
                name + ": its checks class " + exercise.checks() + " does not exist");
        require(List.of("diagnose", "fix").contains(exercise.kind()), name + ": kind must be diagnose or fix");
        require(exercise.about() != null && !exercise.about().isBlank(), name + " has no 'about'");
        List<WrongAnswer> wrong = course.wrongAnswers(exercise);
        require(wrong.size() >= MIN_WRONG_ANSWERS, name + " keeps " + wrong.size()
                + " wrong answers; it needs at least " + MIN_WRONG_ANSWERS);
        long independent = wrong.stream().filter(WrongAnswer::independent).count();
        require(independent >= MIN_INDEPENDENT_WRONG_ANSWERS, name + " keeps " + independent
                + " wrong answers written without seeing the checks; it needs at least "
                + MIN_INDEPENDENT_WRONG_ANSWERS);
        for (WrongAnswer answer : wrong) {
            String which = name + "'s wrong answer " + answer.variant();
            require(answer.rejectedBy() != null && !answer.rejectedBy().isBlank(),
                    which + " names no hidden test that must reject it (rejectedBy in expect.yaml)");
            require(answer.misconception() != null && !answer.misconception().isBlank(),
                    which + " states no misconception (misconception in expect.yaml)");
            require("independent".equals(answer.author()) || "course".equals(answer.author()),
                    which + ": author in expect.yaml must be independent or course");
        }
    }

    private void require(boolean ok, String problem) {
        if (!ok) {
            problems.add(problem);
        }
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, CourseValidator.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
