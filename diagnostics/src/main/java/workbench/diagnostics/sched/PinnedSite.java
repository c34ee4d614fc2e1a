package workbench.diagnostics.sched;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The pinned events of one site, summed: how often virtual threads blocked there while pinned and how long
 * their carriers were held in all. The site that held carriers the longest is where to look first.
 *
 * {@snippet class="workbench.diagnostics.snippets.SchedSnippets" region="pinning"}
 *
 * @param site    the application frame where the virtual threads blocked ({@link PinnedEvent#site()})
 * @param count   how many pinned events
 * @param total   the time carriers were held, all events together
 * @param longest the longest single event
 * @param reasons the pin reasons recorded, such as {@code Native or VM frame on stack}
 * @param stack   the stack of the longest event, innermost frame first
 */
public record PinnedSite(String site, int count, Duration total, Duration longest, Set<String> reasons,
                         List<String> stack) {

    public PinnedSite {
        reasons = Set.copyOf(reasons);
        stack = List.copyOf(stack);
    }

    /** The events grouped by {@link PinnedEvent#site()}, the site with the longest total first. */
    public static List<PinnedSite> of(List<PinnedEvent> events) {
        Map<String, List<PinnedEvent>> bySite = new LinkedHashMap<>();
        events.forEach(event -> bySite.computeIfAbsent(event.site(), site -> new ArrayList<>()).add(event));
        List<PinnedSite> sites = new ArrayList<>();
        bySite.forEach((site, pins) -> sites.add(summaryOf(site, pins)));
        sites.sort(Comparator.comparing(PinnedSite::total).reversed().thenComparing(PinnedSite::site));
        return sites;
    }

    private static PinnedSite summaryOf(String site, List<PinnedEvent> pins) {
        Duration total = Duration.ZERO;
        PinnedEvent longest = pins.getFirst();
        Set<String> reasons = new TreeSet<>();
        for (PinnedEvent pin : pins) {
            total = total.plus(pin.duration());
            if (pin.duration().compareTo(longest.duration()) > 0) {
                longest = pin;
            }
            if (pin.reason() != null) {
                reasons.add(pin.reason());
            }
        }
        return new PinnedSite(site, pins.size(), total, longest.duration(), reasons, longest.stack());
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d pinned, %.1f ms in all, longest %.1f ms %s", site, count,
                total.toNanos() / 1e6, longest.toNanos() / 1e6, reasons);
    }
}
