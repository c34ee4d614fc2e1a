package workbench.diagnostics.gc;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bracketed prefix of a unified log line ({@code -Xlog:...:decorators}), whichever decorators were chosen.
 *
 * <p>Absent decorators are {@code null} (time, uptime, level), empty (tags) or -1 (pid, tid). When both the
 * seconds and a finer uptime were logged, the finer one wins. A lone number is taken for the process id,
 * because HotSpot prints {@code pid} before {@code tid}.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="events"}
 *
 * @param time   wall-clock time ({@code time}, {@code utctime}, {@code timemillis}, {@code timenanos})
 * @param uptime time since the JVM started ({@code uptime}, {@code uptimemillis}, {@code uptimenanos})
 * @param level  {@code info}, {@code debug}, ...
 * @param tags   the tag set, such as {@code [gc, start]}
 * @param pid    the process id
 * @param tid    the thread id
 */
public record LogDecorations(Instant time, Duration uptime, String level, List<String> tags, long pid, long tid) {

    /** A line without decorations. */
    public static final LogDecorations NONE = new LogDecorations(null, null, null, List.of(), -1, -1);

    private static final DateTimeFormatter ISO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}[+-]\\d{4}");
    private static final Pattern SECONDS = Pattern.compile("\\d+\\.\\d+s");
    private static final Pattern MILLIS = Pattern.compile("\\d+ms");
    private static final Pattern NANOS = Pattern.compile("\\d+ns");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final Pattern WORDS = Pattern.compile("[a-z0-9_]+(,[a-z0-9_]+)*");
    private static final Set<String> LEVELS = Set.of("trace", "debug", "info", "warning", "error");
    /** Epoch milliseconds beyond 2001 cannot be an uptime. */
    private static final long EPOCH_MILLIS_FLOOR = 1_000_000_000_000L;

    /** The uptime, when the line had one. */
    public Optional<Duration> uptimeIfPresent() {
        return Optional.ofNullable(uptime);
    }

    /** The wall-clock time, when the line had one. */
    public Optional<Instant> timeIfPresent() {
        return Optional.ofNullable(time);
    }

    /** Splits a log line into its decorations and its message; a line without brackets is all message. */
    static LogLine split(String line) {
        Builder builder = new Builder();
        int at = 0;
        while (at < line.length() && line.charAt(at) == '[') {
            int close = line.indexOf(']', at);
            if (close < 0) {
                break;
            }
            builder.add(line.substring(at + 1, close).trim());
            at = close + 1;
        }
        if (at > 0 && at < line.length() && line.charAt(at) == ' ') {
            at++;
        }
        return new LogLine(at == 0 ? NONE : builder.build(), line.substring(at));
    }

    /** Collects decorator tokens in HotSpot's order: time..., uptime..., hostname, pid, tid, level, tags. */
    private static final class Builder {
        private Instant time;
        private Duration uptime;
        private String level;
        private String words;
        private boolean wordsAfterLevel;
        private long pid = -1;
        private long tid = -1;

        void add(String token) {
            if (ISO.matcher(token).matches()) {
                time = OffsetDateTime.parse(token, ISO_TIME).toInstant();
            } else if (SECONDS.matcher(token).matches()) {
                uptime = Duration.ofNanos(Math.round(Double.parseDouble(token.substring(0, token.length() - 1)) * 1e9));
            } else if (MILLIS.matcher(token).matches()) {
                long millis = Long.parseLong(token.substring(0, token.length() - 2));
                if (millis >= EPOCH_MILLIS_FLOOR) {
                    time = Instant.ofEpochMilli(millis);
                } else {
                    uptime = Duration.ofMillis(millis);
                }
            } else if (NANOS.matcher(token).matches()) {
                long nanos = Long.parseLong(token.substring(0, token.length() - 2));
                if (nanos / 1_000_000 >= EPOCH_MILLIS_FLOOR) {
                    time = Instant.ofEpochSecond(0, nanos);
                } else {
                    uptime = Duration.ofNanos(nanos);
                }
            } else if (NUMBER.matcher(token).matches()) {
                if (pid < 0) {
                    pid = Long.parseLong(token);
                } else {
                    tid = Long.parseLong(token);
                }
            } else if (LEVELS.contains(token)) {
                level = token;
            } else if (WORDS.matcher(token).matches() && !wordsAfterLevel) {
                // A word before the level is the host name; the tags always come last.
                words = token;
                wordsAfterLevel = level != null;
            }
        }

        LogDecorations build() {
            List<String> tags = words == null ? List.of() : List.of(words.split(","));
            return new LogDecorations(time, uptime, level, tags, pid, tid);
        }
    }
}
