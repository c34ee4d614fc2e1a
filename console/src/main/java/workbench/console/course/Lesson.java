package workbench.console.course;

import java.nio.file.Path;
import java.util.List;

/**
 * A lesson folder under {@code lessons/}: its text split into pages, its demos and its exercises.
 *
 * @param pages       Markdown, one page per {@code ## } heading of {@code lesson.md}
 * @param predictions the "predict, then measure" steps of its pages, in page order
 */
public record Lesson(String id, String title, String summary, Path dir, List<String> pages, List<DemoSpec> demos,
                     List<Exercise> exercises, List<Prediction> predictions) {

    /** The lesson's number, from its id {@code lessonN}. */
    public int number() {
        return Integer.parseInt(id.replaceAll("\\D", ""));
    }

    /** The predictions asked on that page, counted from 0. */
    public List<Prediction> predictionsOn(int page) {
        return predictions.stream().filter(p -> p.page() == page).toList();
    }
}
