package workbench.console.course;

import java.nio.file.Path;

/**
 * A plausible wrong answer kept to prove that an exercise's hidden checks reject it, read from
 * {@code lessons/lessonN/wrong/<exercise>/<variant>/}: the answer file and its {@code expect.yaml}.
 *
 * @param variant       the folder's name, a few words on the mistake
 * @param file          the answer, in place of the exercise's file
 * @param rejectedBy    the hidden test that must fail it, by the name the checker reports
 * @param author        {@code independent} when written by someone shown only the lesson, the stub and its
 *                      hints, never the checks; {@code course} when written by the checks' author
 * @param misconception the idea the answer holds instead of the one the lesson teaches
 */
public record WrongAnswer(String variant, Path file, String rejectedBy, String author, String misconception) {

    /** Whether the answer's author never saw the checks it must fail. */
    public boolean independent() {
        return "independent".equals(author);
    }
}
