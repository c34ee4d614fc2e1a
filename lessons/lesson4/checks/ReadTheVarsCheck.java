package lesson4.checks;

import java.util.Locale;
import java.util.Random;
import lesson4.VarsReader;
import lesson4.demo.Plan;
import lesson4.demo.Storefront;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code read-the-vars}: the {@code storefront} demo runs in this JVM with a fresh
 * random plan and serves a few hundred requests; the learner's code, given only where its variables are served,
 * must name the endpoint with the highest error rate. A busy decoy has more errors, a slow one the longest
 * latencies. The second run's failing endpoint always differs from the first's, so no fixed name passes both.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)  // the second run needs the first run's failing endpoint
class ReadTheVarsCheck {

    private static final String RATE = "Lesson 4, 'Reading a service's vars': an error rate is errors divided by"
            + " requests, per endpoint";
    private static final String SCRAPE = "Lesson 4, 'Two formats': scrape the variables over HTTP";

    private static final Random RANDOM = new Random();
    private static String firstFailing;

    @Test
    @Order(1)
    void namesTheEndpointThatFailsMostOften() throws Exception {
        Plan plan = Plan.random(RANDOM);
        firstFailing = plan.endpoint(Plan.Role.FAILING).name();
        check(plan);
    }

    @Test
    @Order(2)
    void namesItAgainInAnotherRun() throws Exception {
        Plan plan = Plan.random(RANDOM);
        while (plan.endpoint(Plan.Role.FAILING).name().equals(firstFailing)) {
            plan = Plan.random(RANDOM);
        }
        check(plan);
    }

    private static void check(Plan plan) throws Exception {
        try (Storefront shop = new Storefront(plan, false)) {
            shop.start();
            int sent = shop.drive(600 + RANDOM.nextInt(200));
            String named = VarsReader.worstEndpoint(shop.varsUri());
            if (!plan.endpoint(Plan.Role.FAILING).name().equals(named)) {
                explain(named, plan, sent);
            }
        }
    }

    /** Says what the named endpoint did in this run; never which endpoint fails most often. */
    private static void explain(String named, Plan plan, int sent) {
        if (named == null) {
            Feedback.fail("Your method named no endpoint, after the service had answered " + sent
                    + " requests on " + plan.names().size() + " endpoints.", SCRAPE);
        }
        Plan.Endpoint endpoint = plan.endpoints().stream().filter(e -> e.name().equals(named)).findFirst()
                .orElseThrow(() -> Feedback.fail("You named `" + named + "`, which is not an endpoint of this run's"
                        + " service: its endpoints are `" + plan.names() + "`, drawn afresh on every run.", SCRAPE));
        String role = switch (endpoint.role()) {
            case BUSY -> "It had more errors than any other endpoint, and more requests too: a count is not a rate.";
            case SLOW -> "It is the slowest endpoint, and it rarely fails: latency is not errors.";
            default -> "It is neither the busiest nor the slowest, and most of its requests succeeded.";
        };
        Feedback.fail(String.format(Locale.ROOT, "You named `%s`, which got about %.0f%% of the %d requests of"
                + " this run and failed %.0f%% of them. %s", named, endpoint.share() * 100, sent,
                endpoint.errorRate() * 100, role), RATE);
    }
}
