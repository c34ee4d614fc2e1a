package lesson3.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import lesson3.QuoteService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import workbench.diagnostics.threads.LeakProfile;
import workbench.diagnostics.threads.ThreadRecord;
import workbench.lessons.harness.Feedback;

/**
 * Hidden checks of exercise {@code fix-the-leak}: the learner's quote service runs in this JVM against a local
 * price backend whose prices change while the check runs. Over 2,000 quotes the thread count must stay flat
 * and every answer must be the one the original service gives; no thread may be left waiting on something no
 * live thread can reach; every quote must be audited.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)  // the heap dump first, while few threads have leaked
class FixTheLeakCheck {

    private static final String LEAK = "Lesson 3, 'Fixing a leak': what does each request start that nothing ever"
            + " stops or closes?";
    private static final String SAME = "Lesson 3, 'Fixing a leak': the fix changes who runs the work, never what"
            + " the service answers";
    private static final String PROFILE = "Lesson 3, 'Blocked on what nobody can reach': a capped pool can still"
            + " hold threads that wait forever";
    private static final int REQUESTS = 2_000;
    private static final int WARM_UP = 100;
    private static final int ALLOWED_GROWTH = 10;

    private final Random random = new Random();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final Map<String, Integer> stock = new HashMap<>();
    private PriceBackend backend;
    private List<String> skus;

    @BeforeEach
    void startBackend() throws Exception {
        Map<String, Long> prices = new HashMap<>();
        skus = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String sku = (char) ('A' + random.nextInt(26)) + "-" + (10 + random.nextInt(90)) + i;
            skus.add(sku);
            prices.put(sku, 50L + random.nextInt(20_000));
            stock.put(sku, random.nextInt(25));
        }
        backend = new PriceBackend(prices);
    }

    @AfterEach
    void stopBackend() {
        backend.close();
    }

    @Test
    @Order(3)
    void threadCountStaysFlatAndAnswersStayTheSame() throws Exception {
        try (QuoteService service = new QuoteService(backend.base(), stock)) {
            quote(service, 0, WARM_UP);
            int baseline = threads.getThreadCount();
            for (int done = WARM_UP; done < REQUESTS; done += 100) {
                quote(service, done, 100);
                int now = threads.getThreadCount();
                Feedback.check(now <= baseline + ALLOWED_GROWTH, "After " + WARM_UP + " quotes this JVM had "
                        + baseline + " threads; after " + (done + 100) + " it had " + now + ".", LEAK);
            }
        }
    }

    @Test
    @Order(1)
    void leavesNoThreadWaitingOnWhatNobodyCanReach() throws Exception {
        Set<Long> before = Arrays.stream(threads.getAllThreadIds()).boxed().collect(Collectors.toSet());
        try (QuoteService service = new QuoteService(backend.base(), stock)) {
            quote(service, 0, 100);
            LeakProfile profile = LeakProfile.take();
            List<ThreadRecord> leaked = profile.leaked().stream().filter(t -> !before.contains(t.id())).toList();
            Feedback.check(leaked.isEmpty(), "After 100 quotes, " + leaked.size() + " thread(s) that the service"
                    + " started wait forever on something no live thread can reach, by pool family: `"
                    + leakedByFamily(leaked) + "`, waiting on `" + leaked.stream().map(ThreadRecord::blocker)
                    .collect(Collectors.toCollection(HashSet::new)) + "`.", PROFILE);
        }
    }

    @Test
    @Order(2)
    void auditsEveryQuote() throws Exception {
        try (QuoteService service = new QuoteService(backend.base(), stock)) {
            List<String> sent = quote(service, 0, 200);
            long deadline = System.nanoTime() + 3_000_000_000L;
            while (service.audited().size() < sent.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            List<String> audited = service.audited();
            Feedback.check(sameEvents(sent, audited), "After 200 quotes and 3 more seconds, the audit trail holds "
                    + audited.size() + " entries" + (audited.size() == sent.size() ? ", not the quotes sent" : "")
                    + ".", LEAK);
        }
    }

    /** Sends {@code count} quotes, changing a price now and then, and checks every answer; returns the audits. */
    private List<String> quote(QuoteService service, int first, int count) throws Exception {
        List<String> events = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            if (random.nextInt(25) == 0) {
                backend.setPrice(skus.get(random.nextInt(skus.size())), 50L + random.nextInt(20_000));
            }
            String sku = skus.get(random.nextInt(skus.size()));
            int quantity = 1 + random.nextInt(20);
            String answer = service.quote(sku, quantity);
            if (!original(sku, quantity).equals(answer)) {
                Feedback.fail("Quote #" + (i + 1) + " (" + quantity + " x " + sku + ") was answered `" + answer
                        + "`, which is not what the original service answers for it at that moment.", SAME);
            }
            events.add(sku + " x" + quantity);
        }
        return events;
    }

    /** What the service answered before any fix. */
    private String original(String sku, int quantity) {
        long total = backend.price(sku) * quantity;
        return "%s x%d = %d.%02d (%s)".formatted(sku, quantity, total / 100, total % 100,
                stock.getOrDefault(sku, 0) >= quantity ? "in stock" : "backorder");
    }

    private static boolean sameEvents(List<String> sent, List<String> audited) {
        return sent.size() == audited.size() && sent.stream().sorted().toList()
                .equals(audited.stream().sorted().toList());
    }

    private static Map<String, Long> leakedByFamily(List<ThreadRecord> leaked) {
        return leaked.stream().collect(Collectors.groupingBy(ThreadRecord::family, Collectors.counting()));
    }
}
