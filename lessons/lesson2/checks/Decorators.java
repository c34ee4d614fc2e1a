package lesson2.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The decorators of a unified log: the bracketed fields in front of each message, printed in this fixed order
 * whatever order {@code -Xlog} names them in, each padded on its own.
 */
final class Decorators {

    static final List<String> ALL = List.of("time", "utctime", "uptime", "timemillis", "uptimemillis", "timenanos",
            "uptimenanos", "hostname", "pid", "tid", "level", "tags");
    static final String NONE = "none";

    private Decorators() {
    }

    /** A random set as {@code -Xlog} takes it: each decorator by chance, {@code none} when none was drawn. */
    static String random(Random random) {
        List<String> chosen = new ArrayList<>();
        for (String decorator : ALL) {
            if (random.nextInt(3) == 0) {
                chosen.add(decorator);
            }
        }
        return chosen.isEmpty() ? NONE : String.join(",", chosen);
    }

    /** The same set with the tags shown, for a log whose tag sets a reader must meet. */
    static String withTags(String decorators) {
        return decorators.contains("tags") ? decorators : decorators + ",tags";
    }

    /**
     * A line logged with every decorator, as it would have been logged with only {@code decorators}: the other
     * fields dropped, and with {@code none} the space before the message too.
     */
    static String keep(String fullyDecorated, String decorators) {
        List<String> kept = decorators.equals(NONE) ? List.of() : List.of(decorators.split(","));
        StringBuilder line = new StringBuilder();
        int at = 0;
        for (String decorator : ALL) {
            int end = fullyDecorated.indexOf(']', at) + 1;
            if (fullyDecorated.charAt(at) != '[' || end == 0) {
                throw new IllegalArgumentException("Not a line with every decorator: " + fullyDecorated);
            }
            if (kept.contains(decorator)) {
                line.append(fullyDecorated, at, end);
            }
            at = end;
        }
        String message = fullyDecorated.substring(at + 1);
        return kept.isEmpty() ? message : line.append(' ').append(message).toString();
    }
}
