package lesson2.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import lesson2.GcLogReader.Pause;
import workbench.diagnostics.gc.GcEvent;
import workbench.harness.Feedback;

/**
 * Holds a reader's pauses of one log to the log's own records, collection by collection, and when they differ
 * says which idea the answer missed, from what it returned.
 */
final class PauseVerdict {

    static final String DECORATIONS = "Lesson 2, 'Unified GC logging': decorators are whatever -Xlog was told to"
            + " print, from none at all to a dozen bracketed fields; the message starts after the last of them";
    static final String CUT = "Lesson 2, 'Reading a GC log': a record is complete only with its unit; the last"
            + " line of a log can stop anywhere, even right after a digit";
    static final String NOT_A_PAUSE = "Lesson 2, 'Pauses and concurrent work': only the records named 'Pause ...'"
            + " stopped the application; concurrent phases, whole cycles, a full collection's phases and stalls"
            + " did not";
    static final String SEVERAL = "Lesson 2, 'Pauses and concurrent work': one collection (one GC id) can stop the"
            + " application several times: ZGC three times a cycle, Shenandoah four, G1's marking for Remark and"
            + " Cleanup";
    static final String GENERATION = "Lesson 2, 'Reading a GC log': generational ZGC puts a generation (y:, Y:,"
            + " O:) between the GC id and the record";
    static final String EVERY_PAUSE = "Lesson 2, 'Pauses and concurrent work': every stop-the-world record of"
            + " every collector is named 'Pause ...' (Pause Young, Pause Remark, Pause Init Mark, Pause Mark Start),"
            + " whatever its parentheses say";
    static final String PRECISION = "Lesson 2, 'Reading a GC log': a record states its duration to the microsecond;"
            + " keep every digit, and convert it without losing one";
    static final String DURATION = "Lesson 2, 'Reading a GC log': the duration is the number right before the unit"
            + " at the end of the record, after the heap figures";

    static final String ORDER = "Lesson 2, 'Reading a GC log': collections overlap, so GC ids do not follow the"
            + " log; keep the pauses in the order the log wrote them";
    static final String NAME = "Lesson 2, 'Reading a GC log': a pause is named as logged, from 'Pause' to the heap"
            + " figures, the kind of collection and its cause in parentheses included";

    /** Parsing a decimal to nanoseconds may be a nanosecond off; a microsecond off is a digit lost. */
    private static final long ROUNDING_NANOS = 10;

    private final GcLogSample log;
    private final List<Pause> reported;

    private PauseVerdict(GcLogSample log, List<Pause> reported) {
        this.log = log;
        this.reported = reported;
    }

    /** Fails with feedback unless {@code reported} are exactly the log's pauses, per collection. */
    static void check(GcLogSample log, List<Pause> reported) {
        new PauseVerdict(log, reported).check();
    }

    private void check() {
        boolean prefixed = log.pauses().stream().allMatch(PauseVerdict::hasGeneration);
        Feedback.check(reported != null && !reported.isEmpty(),
                "Your reader found no pauses in " + log.describe() + ", though it holds " + log.pauses().size()
                        + " pause records, such as '" + log.lineOf(log.pauses().getFirst()) + "'.",
                log.decorators().equals(Decorators.NONE) || !prefixed ? DECORATIONS : GENERATION);
        for (Pause pause : reported) {
            Feedback.check(pause != null && pause.name() != null && pause.duration() != null,
                    "Your reader returned a pause without a name or a duration for " + log.describe() + ".",
                    DURATION);
            Feedback.check(pause.gcId() != log.cutId(),
                    "You reported a pause of GC(" + pause.gcId() + ") lasting " + millis(pause.duration())
                            + " from the last line of " + log.describe() + ", which was cut off before its unit: '"
                            + log.lines().getLast().strip() + "'.", CUT);
            Feedback.check(pause.name().contains("Pause"),
                    "You reported '" + pause.name() + "' of GC(" + pause.gcId() + ") in " + log.describe()
                            + " as a pause.", NOT_A_PAUSE);
        }
        Map<Long, List<GcEvent>> truth = new TreeMap<>();
        log.pauses().forEach(p -> truth.computeIfAbsent(p.gcId(), id -> new ArrayList<>()).add(p));
        Map<Long, List<Pause>> yours = new TreeMap<>();
        reported.forEach(p -> yours.computeIfAbsent(p.gcId(), id -> new ArrayList<>()).add(p));
        TreeSet<Long> ids = new TreeSet<>(truth.keySet());
        ids.addAll(yours.keySet());
        for (long id : ids) {
            checkCollection(id, truth.getOrDefault(id, List.of()), yours.getOrDefault(id, List.of()));
        }
        checkOrder();
    }

    /** Once every collection's pauses are right: whether they come in the log's order, which GC ids need not. */
    private void checkOrder() {
        List<GcEvent> inLog = log.pauses();
        for (int i = 0; i < inLog.size(); i++) {
            if (inLog.get(i).gcId() != reported.get(i).gcId()) {
                Feedback.fail("In " + log.describe() + " you reported every pause, but not in the log's order: your"
                        + " pause number " + (i + 1) + " is of GC(" + reported.get(i).gcId() + "), while the log's is"
                        + " '" + log.lineOf(inLog.get(i)) + "'.", ORDER);
            }
        }
    }

    private void checkCollection(long id, List<GcEvent> truth, List<Pause> yours) {
        List<GcEvent> missed = new ArrayList<>(truth);
        List<Pause> extra = new ArrayList<>();
        Pause misnamed = null;
        GcEvent itsRecord = null;
        for (Pause pause : yours) {
            GcEvent same = missed.stream().filter(t -> close(t.duration(), pause.duration())).findFirst().orElse(null);
            if (same == null) {
                extra.add(pause);
            } else {
                missed.remove(same);
                if (misnamed == null && !withoutGeneration(pause.name()).equals(withoutGeneration(same.name()))) {
                    misnamed = pause;
                    itsRecord = same;
                }
            }
        }
        if (yours.size() > truth.size()) {
            Pause first = extra.isEmpty() ? yours.getLast() : extra.getFirst();
            Feedback.fail("In " + log.describe() + " you reported " + yours.size() + " pauses of GC(" + id
                    + "), among them '" + first.name() + "' lasting " + millis(first.duration()) + ", but that"
                    + " collection has " + truth.size() + " stop-the-world record(s).", NOT_A_PAUSE);
        }
        if (yours.size() < truth.size()) {
            GcEvent first = missed.getFirst();
            boolean onePerCollection = yours.size() == 1
                    && reported.stream().map(Pause::gcId).distinct().count() == reported.size();
            boolean lastLine = log.lines().getLast().strip().equals(log.lineOf(first));
            String revisit = lastLine ? CUT : onePerCollection ? SEVERAL
                    : hasGeneration(first) ? GENERATION : EVERY_PAUSE;
            Feedback.fail("In " + log.describe() + " you reported " + yours.size() + " pause(s) of GC(" + id
                    + "), which has " + truth.size() + "; you missed the record '" + log.lineOf(first) + "'"
                    + (lastLine ? ", the log's last line, whole with its unit." : "."), revisit);
        }
        if (!extra.isEmpty()) {
            Duration sum = yours.stream().map(Pause::duration).reduce(Duration.ZERO, Duration::plus);
            boolean wholeMillis = yours.stream().allMatch(p -> p.duration().toNanos() % 1_000_000 == 0);
            boolean aDigitOff = extra.stream().anyMatch(p -> missed.stream().anyMatch(
                    t -> Math.abs(t.duration().toNanos() - p.duration().toNanos()) <= 1_000));
            Feedback.fail("In " + log.describe() + " your pauses of GC(" + id + ") add up to " + millis(sum)
                    + ", not what its records state, such as '" + log.lineOf(missed.getFirst()) + "'.",
                    wholeMillis || aDigitOff ? PRECISION : DURATION);
        }
        if (misnamed != null) {
            Feedback.fail("In " + log.describe() + " you named a pause of GC(" + id + ") '" + misnamed.name()
                    + "'; its record reads '" + log.lineOf(itsRecord) + "'.", NAME);
        }
    }

    /** Generational ZGC's "Y: " before a name may be kept or left out. */
    private static String withoutGeneration(String name) {
        return name.strip().replaceFirst("^[YyOo]: ", "");
    }

    private static boolean hasGeneration(GcEvent record) {
        return record.name().matches("[YyOo]: .*");
    }

    private static boolean close(Duration truth, Duration yours) {
        return Math.abs(truth.toNanos() - yours.toNanos()) <= ROUNDING_NANOS;
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%.3f ms", duration.toNanos() / 1e6);
    }
}
