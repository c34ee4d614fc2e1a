package lesson4.checks;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleBiFunction;
import java.util.function.ToDoubleFunction;
import lesson4.checks.StoreCounts.Tally;

/**
 * The shortcuts a learner might take instead of "errors divided by requests, over the last seconds", each as the
 * endpoint it names from what the storefront's counters show. {@code ReadTheVarsCheck} draws only runs in which
 * every one of them names another endpoint than the one failing most often now, and explains a wrong answer by the
 * first two shortcuts that name the same endpoint.
 */
final class RateProxies {

    /** What an answer can see: the counts over the seconds it watched, and those since the service started. */
    record Seen(StoreCounts window, StoreCounts sinceStart) {}

    /**
     * One shortcut.
     *
     * @param shortcut what it does, for a developer reading the check
     * @param picks    the endpoint it names, or null when it names none
     * @param observed what the named endpoint shows, in the learner's terms, when this shortcut names it
     */
    record Proxy(String shortcut, Function<Seen, String> picks, String observed) {}

    private static final double TEN_PERCENT = 0.10;
    private static final double BUSY_ENOUGH = 100;

    private static final String SINCE_START = "Since the service started, no endpoint failed a larger share of its"
            + " requests: that total remembers an incident that is over. What pages people is the rate now: scrape"
            + " twice, a few seconds apart, and divide the differences.";
    private static final String MOST_ERRORS = "It had more errors than any other endpoint, from more requests too:"
            + " a count of errors, or errors per second, is not a rate.";
    private static final String BESIDES_BUSIEST = "Leaving the busiest endpoint out still ranks by errors: it had the"
            + " most errors of the rest, and more requests to fail than the endpoint that fails most often.";
    private static final String FEWEST = "It answered fewer requests than any other endpoint: few requests say"
            + " nothing of how many fail.";
    private static final String SLOWEST = "It is the slowest endpoint: latency says nothing of failures.";
    private static final String THRESHOLD = "It fails more than a line you may have drawn (10%, or twice the"
            + " service's average), yet another endpoint fails a larger share still: the question is the highest"
            + " rate, not the first above a line.";
    private static final String SHARES = "Its share of all errors exceeds its share of all requests by more than any"
            + " other endpoint's, and that difference grows with traffic: divide each endpoint's errors by its own"
            + " requests.";
    private static final String BUSY_ONLY = "It fails most often among the busier endpoints, but a quiet endpoint's"
            + " rate counts as much: every endpoint with requests is a candidate.";

    private static final String SIGNIFICANCE = "It stands furthest from the service's average once its traffic is"
            + " weighed in, as a test of significance does; but how sure a rate is, is not how high: a busy endpoint"
            + " that fails a little is surer than a quiet one that fails a lot. Rank by the rate itself.";

    private static final String ALL_REQUESTS = "Its errors between the scrapes, over all the requests it ever had,"
            + " rank first; but its share of the traffic is not what it was, and another endpoint failed a larger"
            + " share of the requests in between. Divide the differences of both counts.";
    private static final String BLENDED_WITH_PAST = "Blended with its rate since the start, it ranks first, yet"
            + " another endpoint failed a larger share of the requests in between: smoothing with the past brings back"
            + " the incident that is over. The rate now is the differences alone.";

    private static final String RISE = "Its rate since the start rose the most between the two scrapes, yet another"
            + " endpoint failed a larger share of the requests in between: a ratio of totals moves by how far the rate"
            + " now is from the rate so far, so an endpoint that was failing before you looked barely moves it. Divide"
            + " the differences instead.";

    /** Defeated only where the failing endpoint failed before the check looked. */
    static final Proxy LARGEST_RISE = new Proxy("largest rise of the rate since the start, from one scrape to the"
            + " next", RateProxies::largestRise, RISE);
    /** Defeated only where the failing endpoint's incident is new, and the recovered one's was worse. */
    static final Proxy BLENDED = new Proxy("rate now blended half and half with the rate since the start",
            RateProxies::blended, BLENDED_WITH_PAST);

    static final List<Proxy> ALL = List.of(
            new Proxy("highest rate since the start", seen -> highest(seen.sinceStart(), Tally::rate, any()),
                    SINCE_START),
            LARGEST_RISE,
            BLENDED,
            new Proxy("most errors now", seen -> highest(seen.window(), Tally::errors, any()), MOST_ERRORS),
            new Proxy("most errors since the start", seen -> highest(seen.sinceStart(), Tally::errors, any()),
                    MOST_ERRORS),
            new Proxy("most errors now but the busiest", seen -> besidesBusiest(seen.window()), BESIDES_BUSIEST),
            new Proxy("most errors since the start but the busiest", seen -> besidesBusiest(seen.sinceStart()),
                    BESIDES_BUSIEST),
            new Proxy("errors now over requests since the start", RateProxies::errorsNowOverAllRequests,
                    ALL_REQUESTS),
            new Proxy("highest z-score now, (rate - average) / sqrt(average (1 - average) / requests)",
                    seen -> highest(seen.window(), t -> zScore(t, average(seen.window())), any()), SIGNIFICANCE),
            new Proxy("fewest requests now", seen -> highest(seen.window(), t -> -t.requests(), any()), FEWEST),
            new Proxy("fewest requests since the start", seen -> highest(seen.sinceStart(), t -> -t.requests(),
                    any()), FEWEST),
            new Proxy("slowest", seen -> seen.window().meanSeconds().entrySet().stream()
                    .max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null), SLOWEST),
            new Proxy("first over 10% now, key order", seen -> firstOver(seen.window(), TEN_PERCENT, false),
                    THRESHOLD),
            new Proxy("first over 10% now, hash order", seen -> firstOver(seen.window(), TEN_PERCENT, true),
                    THRESHOLD),
            new Proxy("first over twice the average now, key order",
                    seen -> firstOver(seen.window(), 2 * average(seen.window()), false), THRESHOLD),
            new Proxy("first over twice the average now, hash order",
                    seen -> firstOver(seen.window(), 2 * average(seen.window()), true), THRESHOLD),
            new Proxy("first over 10% since the start, key order",
                    seen -> firstOver(seen.sinceStart(), TEN_PERCENT, false), THRESHOLD),
            new Proxy("first over twice the average since the start, key order",
                    seen -> firstOver(seen.sinceStart(), 2 * average(seen.sinceStart()), false), THRESHOLD),
            new Proxy("largest error share minus request share now", seen -> shareDifference(seen.window()), SHARES),
            new Proxy("largest error share minus request share since the start",
                    seen -> shareDifference(seen.sinceStart()), SHARES),
            new Proxy("highest rate now among the busier half", seen -> busierHalf(seen.window()), BUSY_ONLY),
            new Proxy("highest rate since the start among endpoints with 100 requests",
                    seen -> highest(seen.sinceStart(), Tally::rate, t -> t.requests() >= BUSY_ENOUGH), BUSY_ONLY));

    private RateProxies() {}

    /**
     * Whether every shortcut but {@code exempt} names another endpoint than {@code failing} in what {@code seen}
     * shows.
     */
    static boolean allMiss(Seen seen, String failing, Proxy exempt) {
        return ALL.stream().filter(proxy -> proxy != exempt)
                .noneMatch(proxy -> failing.equals(proxy.picks().apply(seen)));
    }

    /**
     * What the first two shortcuts that name {@code named} in what {@code seen} show, told apart: two shortcuts may
     * name the same endpoint, and the learner's could be either.
     */
    static Optional<String> naming(Seen seen, String named) {
        List<String> observed = ALL.stream().filter(proxy -> named.equals(proxy.picks().apply(seen)))
                .map(Proxy::observed).distinct().limit(2).toList();
        return observed.isEmpty() ? Optional.empty() : Optional.of(String.join(" Or: ", observed));
    }

    private static Predicate<Tally> any() {
        return tally -> tally.requests() > 0;
    }

    /** The endpoint with the highest value among those that pass {@code among}; the first in key order on a tie. */
    private static String highest(StoreCounts counts, ToDoubleFunction<Tally> value, Predicate<Tally> among) {
        String best = null;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Tally> endpoint : counts.tallies().entrySet()) {
            Tally tally = endpoint.getValue();
            if (tally.requests() > 0 && among.test(tally) && value.applyAsDouble(tally) > bestValue) {
                best = endpoint.getKey();
                bestValue = value.applyAsDouble(tally);
            }
        }
        return best;
    }

    /** The endpoint whose rate since the start rose the most from the window's first scrape to its last. */
    private static String largestRise(Seen seen) {
        String best = null;
        double bestRise = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Tally> endpoint : seen.sinceStart().tallies().entrySet()) {
            Tally before = endpoint.getValue();
            Tally added = seen.window().of(endpoint.getKey());
            double requests = before.requests() + added.requests();
            if (before.requests() > 0 && requests > 0) {
                double rise = (before.errors() + added.errors()) / requests - before.rate();
                if (rise > bestRise) {
                    best = endpoint.getKey();
                    bestRise = rise;
                }
            }
        }
        return best;
    }

    private static String besidesBusiest(StoreCounts counts) {
        String busiest = highest(counts, Tally::requests, any());
        return counts.tallies().entrySet().stream().filter(e -> !e.getKey().equals(busiest))
                .max(Comparator.comparingDouble(e -> e.getValue().errors())).map(Map.Entry::getKey).orElse(null);
    }

    /** The first endpoint, in key order or in a {@link HashMap}'s, whose rate exceeds the line; else the highest. */
    private static String firstOver(StoreCounts counts, double line, boolean hashOrder) {
        Iterable<String> order = hashOrder ? new HashMap<>(counts.tallies()).keySet() : counts.tallies().keySet();
        for (String name : order) {
            if (counts.of(name).requests() > 0 && counts.of(name).rate() > line) {
                return name;
            }
        }
        return highest(counts, Tally::rate, any());
    }

    private static double average(StoreCounts counts) {
        return counts.requests() == 0 ? 0 : counts.errors() / counts.requests();
    }

    /** The endpoint whose rate now, averaged with its rate since the start, is highest. */
    private static String blended(Seen seen) {
        return highestNowAndSince(seen, (now, since) -> (now.rate() + since.rate()) / 2);
    }

    /** The endpoint whose errors over the window, divided by its requests since the start, are the most. */
    private static String errorsNowOverAllRequests(Seen seen) {
        return highestNowAndSince(seen, (now, since) -> now.errors() / (since.requests() + now.requests()));
    }

    /** The endpoint with the highest score of its window and its counts since the start; both must have requests. */
    private static String highestNowAndSince(Seen seen, ToDoubleBiFunction<Tally, Tally> score) {
        String best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Map.Entry<String, Tally> endpoint : seen.window().tallies().entrySet()) {
            Tally since = seen.sinceStart().of(endpoint.getKey());
            double value = score.applyAsDouble(endpoint.getValue(), since);
            if (endpoint.getValue().requests() > 0 && since.requests() > 0 && value > bestScore) {
                best = endpoint.getKey();
                bestScore = value;
            }
        }
        return best;
    }

    /** How many standard errors of the service's average the endpoint's rate lies above it. */
    private static double zScore(Tally tally, double average) {
        return (tally.rate() - average) * Math.sqrt(tally.requests()) / Math.sqrt(average * (1 - average));
    }

    private static String shareDifference(StoreCounts counts) {
        double requests = counts.requests();
        double errors = Math.max(1, counts.errors());
        return highest(counts, t -> t.errors() / errors - t.requests() / requests, any());
    }

    private static String busierHalf(StoreCounts counts) {
        List<Map.Entry<String, Tally>> byTraffic = new ArrayList<>(counts.tallies().entrySet());
        byTraffic.sort(Comparator.comparingDouble((Map.Entry<String, Tally> e) -> e.getValue().requests())
                .reversed());
        List<String> busier = byTraffic.subList(0, Math.max(1, byTraffic.size() / 2)).stream()
                .map(Map.Entry::getKey).toList();
        return busier.stream().max(Comparator.comparingDouble(name -> counts.of(name).rate())).orElse(null);
    }
}
