package workbench.console.course;

/**
 * A "predict, then measure" step of a lesson, written in {@code lesson.md} as a fenced {@code predict} block of
 * YAML: the console asks for a figure before the lesson's key run, measures it in the lab JVM and grades the
 * guess, because a measurement that contradicts a guess is what people remember.
 *
 * <pre>
 * ```predict
 * id: safepoints-per-thousand
 * question: How many safepoints will 1,000 requests to hot-polling cause?
 * unit: safepoints per 1,000 requests
 * band: x2
 * measure: |
 *   var demo = (HotPolling) Demos.get("hot-polling");
 *   demo.safepointsPerThousand(1_000)
 * explain: Every thread dump with stacks is a safepoint of its own.
 * ```
 * </pre>
 *
 * @param id       unique in its lesson, kept in progress
 * @param page     the page it is on, counted from 0
 * @param question what to guess, one or two sentences
 * @param unit     the measurement's unit, as the learner reads it
 * @param band     how close a guess must come to count as close
 * @param measure  Java run in the lab JVM; the value of its last expression is the measurement
 * @param explain  what the measurement shows, told after grading
 */
public record Prediction(String id, int page, String question, String unit, Band band, String measure,
                         String explain) {
}
