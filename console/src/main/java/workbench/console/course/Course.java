package workbench.console.course;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The whole course as read from a workbench checkout: its lessons in order, their exercises and demos.
 */
public final class Course {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path root;
    private final List<Lesson> lessons;

    private Course(Path root, List<Lesson> lessons) {
        this.root = root;
        this.lessons = lessons;
    }

    /** Reads every {@code lessons/lessonN/lesson.yaml} below the checkout's root. */
    public static Course load(Path root) {
        try (Stream<Path> dirs = Files.list(root.resolve("lessons"))) {
            List<Lesson> lessons = dirs
                    .filter(dir -> Files.exists(dir.resolve("lesson.yaml")))
                    .map(Course::readLesson)
                    .sorted(Comparator.comparingInt(Lesson::number))
                    .toList();
            return new Course(root, lessons);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the lessons under " + root.resolve("lessons"), e);
        }
    }

    private static Lesson readLesson(Path dir) {
        String id = dir.getFileName().toString();
        try {
            LessonFile file = YAML.readValue(dir.resolve("lesson.yaml").toFile(), LessonFile.class);
            List<DemoSpec> demos = Optional.ofNullable(file.demos()).orElse(List.of()).stream()
                    .map(d -> new DemoSpec(d.name(), d.className(), d.about()))
                    .toList();
            List<Exercise> exercises = Optional.ofNullable(file.exercises()).orElse(List.of()).stream()
                    .map(e -> new Exercise(e.name(), id, e.file(), e.kind(), e.checks(), e.about(),
                            Optional.ofNullable(e.hints()).orElse(List.of())))
                    .toList();
            Path text = dir.resolve("lesson.md");
            List<String> pages = Files.exists(text) ? Pages.split(Files.readString(text)) : List.of();
            return new Lesson(id, file.title(), file.summary(), dir, pages, demos, exercises, predictions(pages));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + dir.resolve("lesson.yaml") + ": " + e.getMessage(), e);
        }
    }

    private static List<Prediction> predictions(List<String> pages) throws IOException {
        List<Prediction> predictions = new ArrayList<>();
        for (int page = 0; page < pages.size(); page++) {
            for (String block : Pages.fencedBlocks(pages.get(page), "predict")) {
                PredictionFile fields = YAML.readValue(block, PredictionFile.class);
                predictions.add(new Prediction(fields.id(), page, fields.question(), fields.unit(),
                        band(fields.band()), fields.measure(), fields.explain()));
            }
        }
        return List.copyOf(predictions);
    }

    /** A band the course validator reports as missing when it cannot be read. */
    private static Band band(String text) {
        try {
            return text == null ? null : Band.parse(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The checkout's root folder. */
    public Path root() {
        return root;
    }

    public List<Lesson> lessons() {
        return lessons;
    }

    /** The lesson with that id, such as {@code lesson1}. */
    public Lesson lesson(String id) {
        return findLesson(id).orElseThrow(() -> new NoSuchElementException(
                "There is no lesson '" + id + "'. Lessons: " + lessons.stream().map(Lesson::id).toList()));
    }

    public Optional<Lesson> findLesson(String id) {
        return lessons.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    /** The exercise with that name, in any lesson. */
    public Exercise exercise(String name) {
        return findExercise(name).orElseThrow(() -> new NoSuchElementException(
                "There is no exercise '" + name + "'. Run `workbench list` to see them all."));
    }

    public Optional<Exercise> findExercise(String name) {
        return exercises().filter(e -> e.name().equals(name)).findFirst();
    }

    public Stream<Exercise> exercises() {
        return lessons.stream().flatMap(l -> l.exercises().stream());
    }

    /** The learner's copy of the exercise. */
    public Path exerciseFile(Exercise exercise) {
        return root.resolve("exercises").resolve(exercise.file());
    }

    /** The reference answer. */
    public Path solutionFile(Exercise exercise) {
        return root.resolve("solutions").resolve(exercise.file());
    }

    /**
     * The plausible wrong answers kept for an exercise, {@code wrong/<exercise>/<variant>/<File>.java} in its
     * lesson's folder, in the order of their names. A variant without {@code expect.yaml} has null fields.
     */
    public List<WrongAnswer> wrongAnswers(Exercise exercise) {
        Path dir = lesson(exercise.lessonId()).dir().resolve("wrong").resolve(exercise.name());
        String fileName = Path.of(exercise.file()).getFileName().toString();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> variants = Files.list(dir)) {
            return variants.filter(v -> Files.exists(v.resolve(fileName))).sorted()
                    .map(v -> readWrongAnswer(v, v.resolve(fileName)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static WrongAnswer readWrongAnswer(Path variant, Path file) {
        Path expect = variant.resolve("expect.yaml");
        WrongAnswerFile fields = new WrongAnswerFile(null, null, null);
        if (Files.exists(expect)) {
            try {
                fields = YAML.readValue(expect.toFile(), WrongAnswerFile.class);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + expect + ": " + e.getMessage(), e);
            }
        }
        return new WrongAnswer(variant.getFileName().toString(), file, fields.rejectedBy(), fields.author(),
                fields.misconception());
    }
}
