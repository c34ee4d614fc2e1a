package lesson5.checks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lesson5.checks.WatchedRuns.Watched;
import workbench.diagnostics.metrics.Attributes;
import workbench.diagnostics.sampling.Sampler;
import workbench.diagnostics.sampling.TimeSeries;

/**
 * What a wrong page's figures usually are, worked out from the same samples, so that feedback can name the
 * shortcut a figure followed: a pace or a time left that is near one of these, and not near the reference's, came
 * from it.
 */
final class PaceProxies {

    private static final double MB = 1 << 20;
    private static final double NEAR = 0.08;
    private static final Attributes HEAP = Attributes.of("jvm.memory.type", "heap");
    private static final Duration ALL = Duration.ofMinutes(1);

    private final Map<String, Double> paces = new LinkedHashMap<>();
    private final double maxHeapBytes;
    private final double usedNow;
    private final double liveNow;
    private final double firstFloor;
    private final double summedLimits;

    private PaceProxies(Sampler sampler, double maxHeapBytes, long readEveryMillis) {
        TimeSeries used = sampler.series("jvm.memory.used", HEAP);
        TimeSeries live = sampler.series("jvm.memory.used_after_last_gc", HEAP);
        Floors floors = Floors.of(live);
        this.maxHeapBytes = maxHeapBytes;
        this.usedNow = used.latestValue();
        this.liveNow = live.latestValue();
        this.firstFloor = floors.first();
        this.summedLimits = sampler.series("jvm.memory.limit", HEAP).latestValue();
        paces.put("the rise of the floors over a time counted as 100 ms a read, though this sampler read every "
                + readEveryMillis + " ms: take time from the points",
                (floors.last() - floors.first()) / ((live.points().size() - 1) * 0.1 * 2 / 3));
        paces.put("the rise of the floors divided by the whole window, though the first and last floors stand for"
                + " parts only two thirds of it apart", (floors.last() - floors.first()) / Floors.seconds(live));
        paces.put("the last step of the floors alone, though a leak's pace follows its traffic: take it from the"
                + " first floor to the last", (floors.last() - floors.middle()) / (Floors.seconds(live) / 3));
        paces.put("the allocation rate: garbage made, not memory kept",
                sampler.series("jvm.memory.allocated").rate(ALL));
        paces.put("the slope of heap used, which garbage and the burst held at the end tilt", used.slope(ALL));
        paces.put("a line through every point of the live set, which the burst held at the end tilts",
                live.slope(ALL));
    }

    static PaceProxies of(Watched run) {
        return new PaceProxies(run.sampler(), run.scene().maxHeapBytes(), run.readEveryMillis());
    }

    /**
     * " (it matches ...)" when {@code mbPerSecond} is near a known wrong pace, else nothing; two of them when two are
     * near, since the learner's could be either.
     */
    String matched(double mbPerSecond) {
        List<String> near = paces.entrySet().stream().filter(pace -> near(mbPerSecond * MB, pace.getValue()))
                .map(Map.Entry::getKey).limit(2).toList();
        return near.isEmpty() ? "" : " (it matches " + String.join(", or ", near) + ")";
    }

    /** " (it matches ...)" when {@code seconds}, at the page's own pace, is near a known wrong time left. */
    String matchedTimeLeft(double seconds, double bytesPerSecond) {
        Map<String, Double> times = new LinkedHashMap<>();
        times.put("the whole maximum at that pace, as if the heap were empty now", maxHeapBytes / bytesPerSecond);
        times.put("what is left above heap used now, which counts garbage and the burst held at the end",
                (maxHeapBytes - usedNow) / bytesPerSecond);
        times.put("what is left above the latest value of the live set, which the burst held at the end lifted",
                (maxHeapBytes - liveNow) / bytesPerSecond);
        times.put("what was left above the first part's floor, before the live set grew through the window",
                (maxHeapBytes - firstFloor) / bytesPerSecond);
        times.put("what is left below the pools' limits summed, though each of ZGC's two generations reports the"
                + " whole maximum", (summedLimits - liveNow) / bytesPerSecond);
        return times.entrySet().stream().filter(time -> near(seconds, time.getValue())).findFirst()
                .map(time -> " (it matches " + time.getKey() + ")").orElse("");
    }

    private static boolean near(double value, double proxy) {
        return Math.abs(value - proxy) <= NEAR * Math.abs(proxy);
    }
}
