package workbench.console.course;

/**
 * The learner's latest answer to one {@link Prediction}.
 *
 * @param guess    the figure the learner predicted
 * @param measured what the lab measured right after
 * @param close    whether the guess lay within the prediction's band
 */
public record PredictionResult(double guess, double measured, boolean close) {
}
