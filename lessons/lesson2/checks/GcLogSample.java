package lesson2.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import workbench.diagnostics.gc.GcEvent;
import workbench.diagnostics.gc.GcLogParser;

/**
 * One real GC log as the learner's reader gets it: whole lines of a run, then either a copy of one of its pause
 * records, under the next GC id, cut off inside its duration as a JVM killed while writing leaves it, or nothing
 * after a whole pause record, as a JVM killed right after writing it leaves it.
 *
 * <p>The truth is the log's own figures: its {@code Pause} records as the library's parser reads them (tested
 * against JFR's record of the same collections on every collector of JDK 17 and 25), so a reader is held to the
 * microsecond the log states, not to JFR's separate clock.
 *
 * @param jdk        the JDK that wrote it
 * @param collector  the collector, as the learner would name it
 * @param decorators the decorators it was written with, as given to {@code -Xlog}
 * @param lines      the lines the reader gets
 * @param cutId      the GC id of the cut-off record, which no complete record has; -1 when the log is not cut
 * @param pauses     the log's stop-the-world records, in log order
 */
record GcLogSample(int jdk, String collector, String decorators, List<String> lines, long cutId,
                   List<GcEvent> pauses) {

    private static final Pattern GC_ID = Pattern.compile("GC\\((\\d+)\\)");
    private static final Pattern PAUSE_RECORD =
            Pattern.compile(".*GC\\(\\d+\\) (?:[YyOo]: )?Pause .* \\d+(?:\\.\\d+)?ms\\s*");

    /** How a log ends: cut off inside its last record's duration, or complete, with a pause record last. */
    enum Ending {
        /** The cut leaves the line ending in a digit of the duration. */
        CUT_INSIDE_NUMBER,
        /** The cut may also end at the duration's decimal point or at the "m" of its unit. */
        CUT_ANYWHERE,
        /** No cut: the JVM was stopped right after it wrote a whole pause record. */
        PAUSE_RECORD_LAST
    }

    /** A log of the given lines, ending as drawn. */
    static GcLogSample of(int jdk, String collector, String decorators, List<String> complete, Random random,
                          Ending ending) {
        List<String> lines = new ArrayList<>(complete);
        long cutId = -1;
        if (ending == Ending.PAUSE_RECORD_LAST) {
            int last = lines.size() - 1;
            while (!PAUSE_RECORD.matcher(lines.get(last)).matches()) {
                last--;
            }
            lines.subList(last + 1, lines.size()).clear();
        } else {
            cutId = complete.stream().map(GC_ID::matcher).filter(Matcher::find)
                    .mapToLong(m -> Long.parseLong(m.group(1))).max().orElseThrow() + 1;
            lines.add(cutRecord(complete, cutId, random, ending == Ending.CUT_INSIDE_NUMBER));
        }
        List<GcEvent> pauses = GcLogParser.parseLines(lines).pauses().stream()
                .filter(pause -> pause.duration() != null)
                .toList();
        return new GcLogSample(jdk, collector, decorators, List.copyOf(lines), cutId, pauses);
    }

    /** How feedback names the log. */
    String describe() {
        return "the JDK " + jdk + " " + collector + " log written with decorators '" + decorators + "'";
    }

    /** The log's line of a record, for feedback. */
    String lineOf(GcEvent record) {
        String id = "GC(" + record.gcId() + ") ";
        return lines.stream().filter(l -> l.contains(id + record.name()) && l.stripTrailing().endsWith("ms"))
                .findFirst().orElse(id + record.name()).strip();
    }

    private static String cutRecord(List<String> lines, long id, Random random, boolean insideNumber) {
        List<String> records = lines.stream().filter(l -> PAUSE_RECORD.matcher(l).matches()).toList();
        String line = records.get(random.nextInt(records.size())).stripTrailing()
                .replaceFirst("GC\\(\\d+\\)", "GC(" + id + ")");
        int number = line.lastIndexOf(' ') + 1;
        int unit = line.length() - "ms".length();
        List<Integer> ends = new ArrayList<>();
        for (int end = number + 1; end <= unit + 1; end++) {
            if (!insideNumber || Character.isDigit(line.charAt(end - 1))) {
                ends.add(end);
            }
        }
        return line.substring(0, ends.get(random.nextInt(ends.size())));
    }
}
