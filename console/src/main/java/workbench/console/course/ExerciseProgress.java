package workbench.console.course;

/**
 * Where the learner stands on one exercise.
 *
 * @param passed           whether its hidden checks have passed at least once
 * @param hintsShown       how many of its hints the learner has seen
 * @param solutionRequests how often the learner asked for the solution before passing
 */
public record ExerciseProgress(boolean passed, int hintsShown, int solutionRequests) {

    static final ExerciseProgress NONE = new ExerciseProgress(false, 0, 0);

    public ExerciseProgress withPassed() {
        return new ExerciseProgress(true, hintsShown, solutionRequests);
    }

    public ExerciseProgress withHintsShown(int shown) {
        return new ExerciseProgress(passed, shown, solutionRequests);
    }

    public ExerciseProgress withSolutionRequest() {
        return new ExerciseProgress(passed, hintsShown, solutionRequests + 1);
    }
}
