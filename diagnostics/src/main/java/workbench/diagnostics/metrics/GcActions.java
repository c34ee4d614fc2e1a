package workbench.diagnostics.metrics;

/**
 * The {@code jvm.gc.action} of a collector bean, as HotSpot reports it in GC notifications. The beans'
 * names are fixed per collector, so the action can be named without subscribing to notifications.
 */
final class GcActions {

    private GcActions() {}

    static String of(String collector) {
        if (collector.endsWith(" Cycles")) {
            return "end of GC cycle";           // ZGC, Shenandoah: concurrent work, not a pause
        }
        if (collector.endsWith(" Pauses")) {
            return "end of GC pause";
        }
        return switch (collector) {
            case "G1 Young Generation", "PS Scavenge", "Copy", "ParNew" -> "end of minor GC";
            case "G1 Old Generation", "PS MarkSweep", "MarkSweepCompact" -> "end of major GC";
            case "G1 Concurrent GC" -> "end of concurrent GC pause";   // G1's Remark and Cleanup pauses
            default -> "unknown";
        };
    }
}
