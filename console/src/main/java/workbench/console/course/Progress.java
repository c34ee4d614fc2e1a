package workbench.console.course;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The learner's progress: the lesson they are on, the page they read last in each lesson, each exercise's
 * state and each prediction's latest answer. Immutable; {@link ProgressStore} owns the current value.
 *
 * @param lesson      the lesson to resume, or {@code null} before the first start
 * @param predictions by {@code lessonN/id}
 */
public record Progress(String lesson, Map<String, Integer> pages, Map<String, ExerciseProgress> exercises,
                       Map<String, PredictionResult> predictions) {

    public Progress {
        pages = Map.copyOf(Optional.ofNullable(pages).orElse(Map.of()));
        exercises = Map.copyOf(Optional.ofNullable(exercises).orElse(Map.of()));
        predictions = Map.copyOf(Optional.ofNullable(predictions).orElse(Map.of()));
    }

    static Progress empty() {
        return new Progress(null, Map.of(), Map.of(), Map.of());
    }

    /** The page the learner last read in that lesson, counted from 0. */
    public int page(String lessonId) {
        return pages.getOrDefault(lessonId, 0);
    }

    /** The exercise's state, blank when the learner has not touched it. */
    public ExerciseProgress of(String exercise) {
        return exercises.getOrDefault(exercise, ExerciseProgress.NONE);
    }

    public Progress atPage(String lessonId, int page) {
        Map<String, Integer> changed = new HashMap<>(pages);
        changed.put(lessonId, page);
        return new Progress(lessonId, changed, exercises, predictions);
    }

    public Progress withExercise(String exercise, UnaryOperator<ExerciseProgress> change) {
        Map<String, ExerciseProgress> changed = new HashMap<>(exercises);
        changed.put(exercise, change.apply(of(exercise)));
        return new Progress(lesson, pages, changed, predictions);
    }

    /** The latest answer to a lesson's prediction, if the learner made one. */
    public Optional<PredictionResult> prediction(String lessonId, String id) {
        return Optional.ofNullable(predictions.get(lessonId + "/" + id));
    }

    public Progress withPrediction(String lessonId, String id, PredictionResult result) {
        Map<String, PredictionResult> changed = new HashMap<>(predictions);
        changed.put(lessonId + "/" + id, result);
        return new Progress(lesson, pages, exercises, changed);
    }
}
