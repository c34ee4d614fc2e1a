package lesson4.checks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import lesson4.VarsReader;
import lesson4.demo.Plan;
import lesson4.demo.Storefront;
import org.junit.jupiter.api.Test;
import workbench.harness.Feedback;

/**
 * Hidden checks of exercise {@code read-the-vars}: the {@code storefront} demo runs in this JVM with a fresh random
 * plan. Its counters start with tens of thousands of past requests, served when another endpoint was failing, and
 * {@value #REQUESTS_PER_SECOND} requests a second keep arriving while the learner's code, given only where the
 * variables are served, names the endpoint that fails most often now.
 *
 * <p>Proxies, and the scenario that defeats each in every run (see {@link RateProxies}; a run is drawn again until
 * all of them name another endpoint, over any window of {@value #SHORTEST_WINDOW} s or more and since the start at
 * any moment of the answer's run):
 * <ul>
 *   <li>the rate since the start, from one scrape: a recovered endpoint's past incident dominates the totals;</li>
 *   <li>the rise of the rate since the start between two scrapes: in the first run the failing endpoint's incident
 *       began before the check looks (its past failed 70 to 95% of its rate now), so its ratio of totals barely
 *       moves, while the flaky endpoint's rose from almost nothing;</li>
 *   <li>the rate now blended with the rate since the start, to smooth it: in the second run the failing endpoint's
 *       incident is new and the recovered endpoint's past failed a larger share than the failing one fails now;</li>
 *   <li>the most significant departure from the service's average (a z-score), which weighs traffic in again: a
 *       busier endpoint failing less stands further out, but only by a hair in the runs a 2-second window allows,
 *       so a run's noise lets this one pass some runs;</li>
 *   <li>most errors, now or since the start, or errors per second: a busy endpoint fails a little of a lot;</li>
 *   <li>most errors once the busiest is left out: a flaky endpoint has more errors than the failing one;</li>
 *   <li>fewest requests: one or two quiet endpoints get less traffic than the failing one;</li>
 *   <li>slowest: a slow endpoint, which rarely fails;</li>
 *   <li>the first endpoint over 10% or over twice the average, in key order or a HashMap's: the flaky endpoint is
 *       over both lines and comes first in both orders;</li>
 *   <li>error share minus request share: the flaky endpoint's difference is larger;</li>
 *   <li>the busier half, or endpoints with 100 requests: the failing endpoint is among the quietest;</li>
 *   <li>a mean or a median of the error ratios of short intervals (one per pair of scrapes): a batched endpoint
 *       answers 100 requests at once every 2 s and fails the 10 single requests a second between them, so every
 *       interval without a batch shows it failing everything, while over any 2 s fewer than a fifth of its requests
 *       fail. Its first batch comes {@value #FIRST_BATCH_MILLIS} ms after the answer's first scrape, however long
 *       the answer waits before it, so intervals of a second or less from that scrape on miss the batches more
 *       often than not (half of an even number of one-second intervals hold one, so their lower middle can pass);
 *       </li>
 *   <li>dividing the differences without leaving out endpoints that served nothing in between: a retired endpoint,
 *       which clients have moved off, keeps its past counts and gets no request, and 0.0 / 0.0 is NaN, which
 *       {@code Double.compare} ranks above every number;</li>
 *   <li>a fixed name: the check runs twice, with different failing endpoints.</li>
 *   <li>leaving out an endpoint that failed every request in between, as if it were a gap between batches: in a
 *       third service the failing endpoint is down, failing every request;</li>
 *   <li>the previous call's last scrape as this call's first (a baseline kept per service, as Prometheus keeps its
 *       last scrape): that third service is asked twice, and its incident moves to another endpoint right before the
 *       second call, so that a window opened by the first call holds seconds of the old incident and none of the
 *       new.</li>
 * </ul>
 * The traffic never stops, so two scrapes a couple of seconds apart, divided, name the failing endpoint.
 */
class ReadTheVarsCheck {

    private static final String RATE = "Lesson 4, 'Reading a service's vars': the error rate now is the difference"
            + " of errors divided by the difference of requests, per endpoint, between two scrapes";
    private static final String SCRAPE = "Lesson 4, 'Two formats': scrape the variables over HTTP";
    private static final String THIS_CALL = "Lesson 4, 'Reading a service's vars': the rate now comes from two"
            + " scrapes a couple of seconds apart, both taken by this call; a scrape kept from an earlier call opens a"
            + " window as long as the time between the calls";
    private static final String WHOLE_WINDOW = "Lesson 4, 'Reading a service's vars': divide the differences over"
            + " the whole window once; a mean or median of the ratios of short intervals weighs a few requests like"
            + " many";
    static final int REQUESTS_PER_SECOND = 300;
    /** The shortest window in which each endpoint's rate is sure to show, at the traffic a busy machine keeps up. */
    static final double SHORTEST_WINDOW = 2;
    private static final double[] WINDOWS = {SHORTEST_WINDOW, 5, 15};
    /** How long the traffic runs before the answer is called, and the longest the answer may run after that. */
    private static final double WARM_UP = 1.5;
    private static final double LONGEST_RUN = 25;
    /** The check watches at least this long from the answer's start, to say what the endpoints did meanwhile. */
    private static final long WATCH_NANOS = 2_000_000_000L;
    /** A busy two-core machine keeps up at least this share of the planned traffic. */
    private static final double SLOWEST_PACE = 0.6;
    /**
     * The batched endpoint's next batch starts this long after the answer's first scrape: inside a window of two
     * seconds that starts with it, and in the second of one-second intervals, so most such intervals miss a batch.
     */
    static final long FIRST_BATCH_MILLIS = 1_700;
    private static final int SHARE_SLACK = 2;

    /** The failing endpoint's past failed this share of its current rate, between these. */
    static final double EARLIEST_SHARE = 0.7;
    static final double LATEST_SHARE = 0.95;

    static final Random RANDOM = new Random();

    /**
     * Two runs with different failing endpoints, so that no fixed name passes both: in one the failing endpoint's
     * incident began before the check looks, in the other it is new and the recovered endpoint's past was worse.
     */
    @Test
    void namesTheEndpointThatFailsMostOftenNow() throws Exception {
        Plan first = draw(true);
        check(first);
        Plan second = draw(false);
        while (second.endpoint(Plan.Role.FAILING).name().equals(first.endpoint(Plan.Role.FAILING).name())) {
            second = draw(false);
        }
        check(second);
    }

    /**
     * A third service is asked twice: its incident, a total outage of one endpoint, goes on for a while after the
     * first answer, then moves to another endpoint right before the second call, which must name the endpoint
     * failing most from then on.
     */
    @Test
    void namesItAgainWhenTheIncidentMovesBetweenTwoCalls() throws Exception {
        Plan plan = outage(draw(false));
        Optional<Plan> moved = movedIncident(plan);
        while (moved.isEmpty()) {
            plan = outage(draw(false));
            moved = movedIncident(plan);
        }
        try (Storefront shop = new Storefront(plan, REQUESTS_PER_SECOND)) {
            shop.start();
            try (Scrape scrape = new Scrape(shop.varsUri(), SCRAPE)) {
                Thread.sleep((long) (WARM_UP * 1000));
                ask(plan, shop, scrape, null);
                Thread.sleep((long) (WARM_UP * 1000));
                shop.follow(moved.get());
                ask(moved.get(), shop, scrape, plan.endpoint(Plan.Role.FAILING).name());
            }
        }
    }

    /**
     * The plan with its incident moved: another endpoint, one that would lead any window worth scraping, fails as
     * the failing one did, and that one as the other did; empty if no endpoint would lead.
     */
    private static Optional<Plan> movedIncident(Plan plan) {
        Plan.Endpoint failing = plan.endpoint(Plan.Role.FAILING);
        List<Plan.Endpoint> others = new ArrayList<>(plan.endpoints().stream().filter(e -> e != failing
                && e.role() != Plan.Role.BATCHED && e.role() != Plan.Role.RETIRED).toList());
        Collections.shuffle(others, RANDOM);
        for (Plan.Endpoint next : others) {
            Plan moved = new Plan(plan.endpoints().stream().map(e -> e == failing ? swapped(e, next)
                    : e == next ? swapped(e, failing) : e).toList(), plan.pastRequests());
            if (leadsEveryWindow(moved)) {
                return Optional.of(moved);
            }
        }
        return Optional.empty();
    }

    /** The endpoint taking on another's role and error rate now, its own traffic and past unchanged. */
    private static Plan.Endpoint swapped(Plan.Endpoint endpoint, Plan.Endpoint other) {
        return new Plan.Endpoint(endpoint.name(), other.role(), endpoint.share(), endpoint.pastShare(),
                other.errorRate(), endpoint.pastErrorRate(), endpoint.delayMicros());
    }

    /**
     * A plan in which every shortcut misses and the failing endpoint leads any window worth scraping. Where its
     * incident began before, its rate since the start is high too, so blending the two cannot miss it; where its
     * incident is new, its rate since the start rises most. Each of those two is defeated in the other run.
     */
    private static Plan draw(boolean failingBefore) {
        RateProxies.Proxy exempt = failingBefore ? RateProxies.BLENDED : RateProxies.LARGEST_RISE;
        Plan plan;
        do {
            plan = failingBefore ? failingBefore(Plan.random(RANDOM)) : Plan.random(RANDOM);
        } while (!fair(plan, exempt));
        return plan;
    }

    /**
     * The plan, with the failing endpoint's incident begun before the check looks: part of its past requests failed
     * too, so its rate since the start is well above nothing, while another endpoint's rate rose from almost nothing.
     */
    static Plan failingBefore(Plan plan) {
        double share = EARLIEST_SHARE + RANDOM.nextDouble() * (LATEST_SHARE - EARLIEST_SHARE);
        return new Plan(plan.endpoints().stream().map(e -> e.role() != Plan.Role.FAILING ? e : new Plan.Endpoint(
                e.name(), e.role(), e.share(), e.pastShare(), e.errorRate(),
                Math.max(e.pastErrorRate(), share * e.errorRate()), e.delayMicros())).toList(), plan.pastRequests());
    }

    /** The plan, with its failing endpoint failing every request it gets now. */
    private static Plan outage(Plan plan) {
        return new Plan(plan.endpoints().stream().map(e -> e.role() != Plan.Role.FAILING ? e : new Plan.Endpoint(
                e.name(), e.role(), e.share(), e.pastShare(), 1, e.pastErrorRate(), e.delayMicros())).toList(),
                plan.pastRequests());
    }

    static boolean fair(Plan plan, RateProxies.Proxy exempt) {
        String failing = plan.endpoint(Plan.Role.FAILING).name();
        for (double window : WINDOWS) {
            for (double elapsed : new double[] {WARM_UP, WARM_UP + LONGEST_RUN}) {
                RateProxies.Seen seen = new RateProxies.Seen(
                        StoreCounts.expected(plan, REQUESTS_PER_SECOND, window, false),
                        StoreCounts.expected(plan, REQUESTS_PER_SECOND, elapsed, true));
                if (!RateProxies.allMiss(seen, failing, exempt)) {
                    return false;
                }
            }
        }
        return leadsEveryWindow(plan);
    }

    /**
     * Each endpoint fails exactly its rate, spread evenly, so k of its requests hold its rate times k errors rounded
     * either way, and the traffic gives it its share of a window's requests give or take {@value #SHARE_SLACK}: the
     * failing endpoint's lowest rate must beat every other's highest in the shortest window.
     */
    private static boolean leadsEveryWindow(Plan plan) {
        double requests = REQUESTS_PER_SECOND * SLOWEST_PACE * SHORTEST_WINDOW;
        Plan.Endpoint failing = plan.endpoint(Plan.Role.FAILING);
        double lowest = Double.MAX_VALUE;
        for (long k : requestsOf(failing, requests)) {
            lowest = Math.min(lowest, Math.floor(k * failing.errorRate()) / k);
        }
        for (Plan.Endpoint other : plan.endpoints()) {
            for (long k : requestsOf(other, requests)) {
                if (other != failing && other.role() != Plan.Role.BATCHED
                        && Math.ceil(k * other.errorRate()) / k >= lowest) {
                    return false;
                }
            }
        }
        return batchedHighest() < lowest;
    }

    /**
     * The batched endpoint's highest rate over the shortest window: it holds one batch at least, all answered,
     * and at most a probe per probe period and one more, all failed.
     */
    private static double batchedHighest() {
        double probes = Math.floor(SHORTEST_WINDOW * 1000 / Plan.PROBE_EVERY_MILLIS) + 1;
        return probes / (probes + Plan.BATCH_SIZE);
    }

    private static long[] requestsOf(Plan.Endpoint endpoint, double requests) {
        long expected = Math.round(endpoint.share() * requests);
        return LongStream.rangeClosed(Math.max(1, expected - SHARE_SLACK), expected + SHARE_SLACK).toArray();
    }

    private static void check(Plan plan) throws Exception {
        try (Storefront shop = new Storefront(plan, REQUESTS_PER_SECOND)) {
            shop.start();
            try (Scrape scrape = new Scrape(shop.varsUri(), SCRAPE)) {
                Thread.sleep((long) (WARM_UP * 1000));
                ask(plan, shop, scrape, null);
            }
        }
    }

    /**
     * Asks the learner's code about the running service, and watches it meanwhile.
     *
     * @param movedFrom the endpoint that failed most until right before this call, or null
     */
    private static void ask(Plan plan, Storefront shop, Scrape scrape, String movedFrom) throws Exception {
        StoreCounts atStart = StoreCounts.scraped(scrape.metrics(), plan.names());
        shop.nextBatchAfterNextScrape(Duration.ofMillis(FIRST_BATCH_MILLIS));
        long start = System.nanoTime();
        String named = VarsReader.worstEndpoint(shop.varsUri());
        long ran = System.nanoTime() - start;
        Thread.sleep(Math.max(0, (start + WATCH_NANOS - System.nanoTime()) / 1_000_000));
        StoreCounts atEnd = StoreCounts.scraped(scrape.metrics(), plan.names());
        double watched = (System.nanoTime() - start) / 1e9;
        if (!plan.endpoint(Plan.Role.FAILING).name().equals(named)) {
            explain(named, plan, new RateProxies.Seen(atEnd.since(atStart), atStart), watched, ran / 1e9,
                    movedFrom);
        }
    }

    /** Says what the named endpoint did in this run, and which shortcut names it; never which endpoint fails. */
    private static void explain(String named, Plan plan, RateProxies.Seen seen, double watched, double ran,
                                String movedFrom) {
        if (named == null) {
            Feedback.fail("Your method named no endpoint, while the service answered " + REQUESTS_PER_SECOND
                    + " requests a second on " + plan.names().size() + " endpoints.", SCRAPE);
        }
        if (!plan.names().contains(named)) {
            Feedback.fail("You named `" + named + "`, which is not an endpoint of this run's service: its endpoints"
                    + " are `" + plan.names().stream().sorted().toList() + "`, drawn afresh on every run.", SCRAPE);
        }
        StoreCounts.Tally now = seen.window().of(named);
        StoreCounts.Tally total = seen.sinceStart().of(named);
        String observed = String.format(Locale.ROOT, "You named `%s` (your method returned after %.1f s). Over the"
                        + " %.1f s from your method's start, it answered %,.0f requests and failed %,.0f of them"
                        + " (%.0f%%); since the service started, %,.0f and %,.0f (%.0f%%), %.1f ms a request on"
                        + " average. ", named, ran, watched, now.requests(), now.errors(), now.rate() * 100,
                total.requests(), total.errors(), total.rate() * 100, seen.window().meanSeconds().get(named) * 1000);
        boolean tooSoon = ran < SHORTEST_WINDOW / 4;
        if (movedFrom != null && (named.equals(movedFrom) || tooSoon)) {
            Feedback.fail(observed + "Your method was asked about this service before, and the incident moved to"
                    + " another endpoint right before this call" + (named.equals(movedFrom) ? "; this endpoint had"
                    + " failed the most until then." : ".") + (tooSoon ? " Returning so soon, your method cannot have"
                    + " watched a window of its own: its window began before this call." : ""), THIS_CALL);
        }
        if (plan.endpoint(Plan.Role.BATCHED).name().equals(named)) {
            Feedback.fail(observed + String.format(Locale.ROOT, "It is called in batches, %d requests at once every"
                    + " %.1f s, all answered, and between them by single requests that all fail: between two batches"
                    + " it fails every request, yet over any two seconds most of its requests succeed. A mean or a"
                    + " median of short intervals' ratios weighs a stretch of two requests as much as a batch of %d.",
                    Plan.BATCH_SIZE, Plan.BATCH_EVERY_MILLIS / 1000.0, Plan.BATCH_SIZE), WHOLE_WINDOW);
        }
        if (now.requests() == 0) {
            Feedback.fail(observed + "It served no request between your scrapes, so it has no rate now: leave out"
                    + " endpoints without requests in between. In doubles, 0.0 / 0.0 does not throw but gives NaN,"
                    + " which Double.compare and Comparator.comparingDouble rank above every number.", RATE);
        }
        if (plan.endpoint(Plan.Role.FAILING).errorRate() == 1) {
            Feedback.fail(observed + "Another endpoint failed every request it got over the same seconds: an outage"
                    + " is the highest error rate there is, not a gap or a misrouted client to leave out.", RATE);
        }
        String why = RateProxies.naming(seen, named).orElse(
                "Another endpoint failed a larger share of its requests over the same seconds.");
        Feedback.fail(observed + why, RATE);
    }
}
