package workbench.diagnostics.snippets;

import java.io.IOException;
import workbench.diagnostics.hsperf.PerfData;

/** Examples in the Javadoc of {@code workbench.diagnostics.hsperf}. */
public final class HsperfSnippets {

    private HsperfSnippets() {}

    // @start region="counters"
    public static String safepointsOf(long pid) throws IOException {
        try (PerfData perf = PerfData.open(pid)) {                             // any local JVM, left untouched
            long count = perf.longValue("sun.rt.safepoints").orElse(0);
            double stopped = perf.seconds("sun.rt.safepointTime").orElse(0);   // ticks converted to seconds
            return count + " safepoints, " + stopped + " s stopped";
        }
    }
    // @end
}
