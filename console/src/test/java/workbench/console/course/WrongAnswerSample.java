package workbench.console.course;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

/**
 * Which kept wrong answers one proof run checks. Every stub and every reference is checked in every run, but by
 * default the build proves one wrong answer per exercise ({@code -Dworkbench.proof.wrongs=N} for N), so that CI
 * stays within its time: each run takes the next in a rotation that moves on each day (or with
 * {@code -Dworkbench.proof.seed}), so that every one is proved within as many days as an exercise keeps wrong
 * answers. {@code -Dworkbench.proof.wrongs=all} proves all of them, as it should be run after a check changes.
 *
 * @param perExercise how many of an exercise's wrong answers to prove
 * @param seed        where this run's rotation starts, printed so that a failing sample can be run again
 */
record WrongAnswerSample(int perExercise, long seed) {

    static final int DEFAULT_PER_EXERCISE = 1;

    static WrongAnswerSample fromSystemProperties() {
        String wrongs = System.getProperty("workbench.proof.wrongs", String.valueOf(DEFAULT_PER_EXERCISE));
        long seed = Long.getLong("workbench.proof.seed", LocalDate.now(ZoneOffset.UTC).toEpochDay());
        return new WrongAnswerSample(wrongs.equals("all") ? Integer.MAX_VALUE : Integer.parseInt(wrongs), seed);
    }

    boolean all() {
        return perExercise == Integer.MAX_VALUE;
    }

    /** Whether this run proves {@code wrong}, one of {@code exercise}'s kept wrong answers. */
    boolean includes(List<WrongAnswer> exercise, WrongAnswer wrong) {
        if (all() || exercise.size() <= perExercise) {
            return true;
        }
        List<String> variants = exercise.stream().map(WrongAnswer::variant).sorted(Comparator.naturalOrder()).toList();
        int start = (int) Math.floorMod(seed * perExercise, (long) variants.size());
        int position = Math.floorMod(variants.indexOf(wrong.variant()) - start, variants.size());
        return position < perExercise;
    }

    /** How a run says which sample it proved. */
    String describe() {
        return all() ? "every kept wrong answer"
                : perExercise + (perExercise == 1 ? " kept wrong answer" : " kept wrong answers")
                        + " per exercise, rotation seed " + seed
                        + " (-Dworkbench.proof.seed=" + seed + " repeats this sample, -Dworkbench.proof.wrongs=all"
                        + " proves every one)";
    }
}
