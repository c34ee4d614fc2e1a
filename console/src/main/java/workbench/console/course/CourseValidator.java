package workbench.console.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks a course's content for the mistakes an author makes: duplicate names, missing files, stubs not
 * marked TODO, too few hints, too few wrong answers to prove the checks discriminate.
 */
public final class CourseValidator {

    static final int MIN_HINTS = 2;
    static final int MIN_WRONG_ANSWERS = 2;

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

    /** The plausible wrong answers kept for an exercise: {@code wrong/<exercise>/<variant>/<File>.java}. */
    public static List<Path> wrongAnswers(Course course, Exercise exercise) {
        Path dir = course.lesson(exercise.lessonId()).dir().resolve("wrong").resolve(exercise.name());
        String fileName = Path.of(exercise.file()).getFileName().toString();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> variants = Files.list(dir)) {
            return variants.map(v -> v.resolve(fileName)).filter(Files::exists).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
            for (Exercise exercise : lesson.exercises()) {
                require(names.add(exercise.name()), "exercise name " + exercise.name() + " is used twice");
                validate(exercise);
            }
        }
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
        require(wrongAnswers(course, exercise).size() >= MIN_WRONG_ANSWERS, name + " keeps "
                + wrongAnswers(course, exercise).size() + " wrong answers; it needs at least " + MIN_WRONG_ANSWERS);
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
