package workbench.diagnostics.gc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unified GC logs ({@code -Xlog:gc}, {@code -Xlog:gc*}, {@code -Xlog:safepoint}) of G1, Parallel,
 * Serial, ZGC (single-generation and generational) and Shenandoah, JDK 17 to 25, with any decorators.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="parse"}
 *
 * <p>Lines that are not GC or safepoint records (configuration, per-phase details, heap tables) are
 * skipped. A last line without a line break may have been cut off while the JVM was writing it, so
 * {@link #parse(String)} keeps it apart instead of reading half a record. Shenandoah names a collection's
 * cause in a {@code Trigger:} line before it; that cause is given to the next collection's records.
 */
public final class GcLogParser {

    private static final String SIZE = "\\d+[BKMG]";
    private static final Pattern GC_LINE = Pattern.compile("GC\\((\\d+)\\) (.*)");
    private static final Pattern RECORD = Pattern.compile(
            "(?<title>.+?)"
            + "(?: (?<before>" + SIZE + ")(?:\\(\\d+%\\))?->(?<after>" + SIZE + ")(?:\\(\\d+%\\))?"
            + "(?:\\((?<committed>" + SIZE + ")\\))?)?"
            + "(?: (?<amount>\\d+(?:\\.\\d+)?)(?<unit>ms|s|us|ns))?");
    private static final Pattern SAFEPOINT = Pattern.compile("Safepoint \"([^\"]+)\", (.*)");
    private static final Pattern NANOS_FIELD = Pattern.compile("([A-Za-z ]+): (\\d+) ns");
    private static final Pattern TRIGGER = Pattern.compile("Trigger: (.*)");
    private static final Set<String> G1_YOUNG_TYPES =
            Set.of("Normal", "Concurrent Start", "Prepare Mixed", "Mixed", "Concurrent End");

    private Collector collector = Collector.UNKNOWN;
    private String pendingTrigger;
    private long triggerOwner = -1;
    private final List<GcEvent> events = new ArrayList<>();
    private final List<SafepointEvent> safepoints = new ArrayList<>();

    private GcLogParser() {
    }

    /** Parses a log file; see {@link #parse(String)} on a cut-off last line. */
    public static GcLog parse(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the GC log " + file, e);
        }
    }

    /**
     * Parses a whole log. When the text does not end with a line break its last line may be incomplete;
     * it is not read as a record and is returned by {@link GcLog#truncatedLine()}.
     */
    public static GcLog parse(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        String truncated = null;
        if (!text.isEmpty() && !text.endsWith("\n") && !lines.isEmpty()) {
            truncated = lines.removeLast();
        }
        GcLog log = parseLines(lines);
        return new GcLog(log.collector(), log.events(), log.safepoints(), truncated);
    }

    /** Parses complete lines, such as those read one by one from a running JVM's log. */
    public static GcLog parseLines(List<String> lines) {
        GcLogParser parser = new GcLogParser();
        lines.forEach(parser::accept);
        return new GcLog(parser.collector, List.copyOf(parser.events), List.copyOf(parser.safepoints), null);
    }

    private void accept(String line) {
        LogLine split = LogDecorations.split(line.stripTrailing());
        String message = split.message();
        Matcher gc = GC_LINE.matcher(message);
        if (gc.matches()) {
            acceptGcRecord(Long.parseLong(gc.group(1)), gc.group(2), split.decorations());
            return;
        }
        Matcher safepoint = SAFEPOINT.matcher(message);
        if (safepoint.matches()) {
            safepoints.add(safepoint(safepoint.group(1), safepoint.group(2), split.decorations()));
            return;
        }
        Matcher trigger = TRIGGER.matcher(message);
        if (trigger.matches()) {
            pendingTrigger = trigger.group(1);
            triggerOwner = -1;
            return;
        }
        Collector named = Collector.fromLogBanner(message);
        if (named != Collector.UNKNOWN) {
            collector = named;
        }
    }

    private void acceptGcRecord(long gcId, String body, LogDecorations decorations) {
        if (collector == Collector.UNKNOWN) {
            collector = guessCollector(body);
        }
        // Per-phase details ("  Evacuate Collection Set: 3.9ms", "Eden regions: 6->0(3)") are not records.
        if (body.isEmpty() || Character.isWhitespace(body.charAt(0))) {
            return;
        }
        String generation = "";
        if (body.length() > 3 && body.charAt(1) == ':' && body.charAt(2) == ' ' && "YyOo".indexOf(body.charAt(0)) >= 0) {
            generation = body.substring(0, 3);
            body = body.substring(3);
        }
        Matcher record = RECORD.matcher(body);
        if (!record.matches() || record.group("before") == null && record.group("amount") == null) {
            return;
        }
        String title = record.group("title");
        GcKind kind = kindOf(title);
        if (kind == null || headOf(title).contains(": ")) {
            return;
        }
        HeapChange heap = record.group("before") == null ? null : new HeapChange(
                bytes(record.group("before")), bytes(record.group("after")),
                record.group("committed") == null ? -1 : bytes(record.group("committed")));
        Duration duration = record.group("amount") == null ? null
                : duration(record.group("amount"), record.group("unit"));
        events.add(new GcEvent(gcId, collector, kind, generation + title, causeOf(gcId, title), heap,
                duration, decorations));
    }

    private static GcKind kindOf(String title) {
        String head = headOf(title);
        List<String> groups = groupsOf(title);
        if (head.equals("Pause Young")) {
            return groups.contains("Mixed") ? GcKind.MIXED : GcKind.YOUNG;
        }
        if (head.equals("Pause Full")) {
            return GcKind.FULL;
        }
        if (head.startsWith("Pause ")) {
            return GcKind.PAUSE_PHASE;
        }
        if (head.equals("Concurrent Mark Cycle") || head.equals("Concurrent Undo Cycle")
                || head.equals("Garbage Collection") || head.equals("Major Collection")
                || head.equals("Minor Collection")) {
            return GcKind.CONCURRENT_CYCLE;
        }
        if (head.startsWith("Concurrent ") || head.equals("Young Generation") || head.equals("Old Generation")) {
            return GcKind.CONCURRENT_PHASE;
        }
        return null;
    }

    private String causeOf(long gcId, String title) {
        if (collector == Collector.SHENANDOAH) {
            // Shenandoah names the cause once, in a "Trigger:" line just before the cycle starts.
            if (pendingTrigger != null && (triggerOwner < 0 || triggerOwner == gcId)) {
                triggerOwner = gcId;
                return pendingTrigger;
            }
            return null;
        }
        for (String group : groupsOf(title)) {
            if (!G1_YOUNG_TYPES.contains(group) && !group.startsWith("Evacuation Failure")
                    && !group.startsWith("To-space") && !group.equals("Major")) {
                return group;
            }
        }
        return null;
    }

    private static Collector guessCollector(String body) {
        if (body.contains("G1 ") || body.startsWith("Concurrent Mark Cycle")) {
            return Collector.G1;
        }
        if (body.startsWith("Garbage Collection (") || body.contains("Major Collection (")
                || body.contains("Minor Collection (")) {
            return Collector.ZGC;
        }
        if (body.startsWith("Pause Init Mark") || body.startsWith("Pause Final Mark")
                || body.startsWith("Pause Degenerated")) {
            return Collector.SHENANDOAH;
        }
        if (body.startsWith("PSYoungGen") || body.startsWith("ParOldGen")) {
            return Collector.PARALLEL;
        }
        if (body.startsWith("DefNew") || body.startsWith("Tenured")) {
            return Collector.SERIAL;
        }
        return Collector.UNKNOWN;
    }

    /** The title before its first parenthesised group: {@code Pause Young} of {@code Pause Young (Normal)}. */
    private static String headOf(String title) {
        int paren = title.indexOf(" (");
        return paren < 0 ? title : title.substring(0, paren);
    }

    /** The top-level parenthesised groups, nesting allowed: {@code System.gc()} stays one group. */
    private static List<String> groupsOf(String title) {
        List<String> groups = new ArrayList<>();
        int depth = 0;
        int start = -1;
        for (int i = 0; i < title.length(); i++) {
            char c = title.charAt(i);
            if (c == '(' && depth++ == 0) {
                start = i + 1;
            } else if (c == ')' && depth > 0 && --depth == 0) {
                groups.add(title.substring(start, i));
            }
        }
        return groups;
    }

    private static SafepointEvent safepoint(String operation, String fields, LogDecorations decorations) {
        Duration reaching = Duration.ZERO;
        Duration at = Duration.ZERO;
        Duration total = Duration.ZERO;
        Matcher field = NANOS_FIELD.matcher(fields);
        while (field.find()) {
            Duration value = Duration.ofNanos(Long.parseLong(field.group(2)));
            switch (field.group(1).strip()) {
                case "Reaching safepoint" -> reaching = value;
                case "At safepoint" -> at = value;
                case "Total" -> total = value;
                default -> { }
            }
        }
        return new SafepointEvent(operation, reaching, at, total, decorations);
    }

    static long bytes(String size) {
        long amount = Long.parseLong(size.substring(0, size.length() - 1));
        return switch (size.charAt(size.length() - 1)) {
            case 'K' -> amount << 10;
            case 'M' -> amount << 20;
            case 'G' -> amount << 30;
            default -> amount;
        };
    }

    private static Duration duration(String amount, String unit) {
        double scale = switch (unit) {
            case "s" -> 1e9;
            case "ms" -> 1e6;
            case "us" -> 1e3;
            default -> 1;
        };
        return Duration.ofNanos(Math.round(Double.parseDouble(amount) * scale));
    }
}
