package workbench.console.course;

import java.util.List;

/**
 * One exercise: a Java file the learner completes under {@code exercises/}, checked by a hidden test class.
 *
 * @param name     unique across the course, kebab-case, what the learner types
 * @param lessonId the lesson it belongs to
 * @param file     path relative to {@code exercises/} and {@code solutions/}
 * @param kind     {@code diagnose} or {@code fix}
 * @param checks   the hidden JUnit test class
 * @param about    what to do, in a sentence or two
 * @param hints    from a nudge to an almost-answer
 */
public record Exercise(String name, String lessonId, String file, String kind, String checks, String about,
                       List<String> hints) {

    /** The public class the file declares: its name without {@code .java}. */
    public String className() {
        String simple = file.substring(file.lastIndexOf('/') + 1).replace(".java", "");
        return file.contains("/") ? file.substring(0, file.lastIndexOf('/')).replace('/', '.') + "." + simple : simple;
    }
}
