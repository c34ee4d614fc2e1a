package workbench.diagnostics.gc;

import java.util.Locale;

/**
 * The HotSpot garbage collectors, recognised from a GC log's banner, an MXBean's name or a JFR event.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="collector"}
 */
public enum Collector {
    /** Garbage-First, the default collector. */
    G1("G1"),
    /** The throughput collector ({@code -XX:+UseParallelGC}). */
    PARALLEL("Parallel"),
    /** The single-threaded collector ({@code -XX:+UseSerialGC}). */
    SERIAL("Serial"),
    /** ZGC, generational from JDK 21 on ({@code -XX:+UseZGC}). */
    ZGC("ZGC"),
    /** Shenandoah ({@code -XX:+UseShenandoahGC}). */
    SHENANDOAH("Shenandoah"),
    /** Not recognised. */
    UNKNOWN("unknown");

    private final String displayName;

    Collector(String displayName) {
        this.displayName = displayName;
    }

    /** The collector's usual short name, such as {@code G1} or {@code Shenandoah}. */
    public String displayName() {
        return displayName;
    }

    /** The collector a GC log names in its {@code Using ...} line, or {@link #UNKNOWN}. */
    public static Collector fromLogBanner(String message) {
        if (!message.startsWith("Using ")) {
            return UNKNOWN;
        }
        String name = message.substring("Using ".length());
        return switch (name) {
            case "G1" -> G1;
            case "Parallel" -> PARALLEL;
            case "Serial" -> SERIAL;
            case "The Z Garbage Collector" -> ZGC;
            case "Shenandoah" -> SHENANDOAH;
            default -> UNKNOWN;
        };
    }

    /**
     * The collector behind a {@code GarbageCollectorMXBean} or a JFR {@code jdk.GarbageCollection} name,
     * such as {@code PS Scavenge}, {@code ZGC Major Cycles} or {@code G1New}.
     */
    public static Collector fromBeanName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("g1")) {
            return G1;
        }
        if (n.startsWith("ps ") || n.startsWith("parallel")) {
            return PARALLEL;
        }
        if (n.equals("copy") || n.equals("marksweepcompact") || n.startsWith("serial")
                || n.equals("defnew") || n.equals("serialold")) {
            return SERIAL;
        }
        if (n.startsWith("zgc") || n.equals("z")) {
            return ZGC;
        }
        if (n.startsWith("shenandoah")) {
            return SHENANDOAH;
        }
        return UNKNOWN;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
