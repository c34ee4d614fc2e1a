package lesson6.checks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.management.VirtualThreadSchedulerMXBean;
import lesson6.TariffService;
import workbench.diagnostics.sched.PinnedSite;
import workbench.diagnostics.sched.PinningRecorder;
import workbench.diagnostics.target.Target;
import workbench.harness.ReferenceSolution;

/**
 * One measured run of a tariff service for exercise {@code free-the-carriers}, in a JVM of its own whose
 * scheduler has 2 carriers: the learner's service or the course's fix. Quotes arrive at a steady pace, and
 * reports every 100 ms (half a processor's worth), each request on a virtual thread of its own, as a server on
 * virtual threads would run them; then a burst of reports arrives at once; then one long report, with short ones
 * submitted beside it. Prints one line, {@link #RESULT} then {@code key=value} pairs, and exits.
 *
 * <p>Arguments: {@code yours} or {@code reference}; quotes a second; how long a rate lookup blocks, in ms; how
 * long the steady phase lasts, in ms; a seed; pages of the smaller reports (the others, every second one, have one
 * more); reports every 100 ms of the steady phase; reports in the burst; pages of the long report. The check
 * chooses the load once, so that both services get the same.
 */
public final class StarvationRun {

    static final String RESULT = "result ";

    /** Short reports submitted while the long one runs. */
    private static final int PROBES = 5;

    /** Reports of the same number of pages, so of the same checksum, as the service returned them. */
    private record Reports(int pages, List<Future<Long>> checksums) {}

    /** How the run sees either service. */
    public interface Tariffs extends AutoCloseable {
        long quote(String sku, String currency) throws InterruptedException;

        Future<Long> report(int pages);

        @Override
        void close();
    }

    /** One quote: when it was due, when it was answered (-1 while not), what it asked and answered. */
    private static final class Quote {
        final long due;
        final String sku;
        final String currency;
        volatile long answered = -1;
        volatile long answer;
        volatile Throwable failure;

        Quote(long due, String sku, String currency) {
            this.due = due;
            this.sku = sku;
            this.currency = currency;
        }
    }

    private static final List<String> SKUS = List.of("A-100", "B-220", "C-305", "D-410", "E-515", "F-620", "G-735");

    private final Tariffs service;
    private final RateBoard rates;
    private final Random random;
    private final VirtualThreadSchedulerMXBean scheduler =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
    private final List<int[]> samples = new CopyOnWriteArrayList<>();
    private final StringBuilder result = new StringBuilder(RESULT);
    /** The reports of the steady phases and the burst, by their number of pages; asked for by the driving thread. */
    private final Map<Integer, List<Future<Long>>> reportsByPages = new TreeMap<>();
    private int reportsAsked;

    private StarvationRun(Tariffs service, RateBoard rates, Random random) {
        this.service = service;
        this.rates = rates;
        this.random = random;
    }

    public static void main(String[] args) throws Exception {
        int[] n = new int[args.length];
        for (int i = 1; i < args.length; i++) {
            n[i] = i == 4 ? 0 : Integer.parseInt(args[i]);
        }
        Random random = new Random(Long.parseLong(args[4]));
        RateBoard rates = new RateBoard(n[2], random);
        // Closed by the run itself, and timed: whatever the run leaves behind, the halt below ends.
        try {
            Tariffs service = args[0].equals("reference")
                    ? ReferenceSolution.create(Tariffs.class, TariffService.class, rates)
                    : ReferenceSolution.view(Tariffs.class, new TariffService(rates));
            new StarvationRun(service, rates, random).run(n[1], n[3], n[5], n[6], n[7], n[8]);
        } catch (Throwable e) {
            e.printStackTrace(System.out);   // before the halt below, which would swallow it: the check shows it
        } finally {
            System.out.flush();
            Runtime.getRuntime().halt(0);   // whatever the service left running must not keep this JVM up
        }
    }

    private void run(int quotesPerSecond, long steadyMillis, int pages, int reportsPerTick, int burst,
                     int longPages) throws Exception {
        phase(quotesPerSecond / 2, 1_000, pages, reportsPerTick / 2);   // warm-up, not measured
        List<Quote> steady;
        List<Quote> burstQuotes;
        long burstNanos;
        List<Reports> probe;
        try (PinningRecorder pinning = PinningRecorder.start(Target.current());
             Sampler sampler = new Sampler()) {
            steady = phase(quotesPerSecond, steadyMillis, pages, reportsPerTick);
            List<int[]> steadySamples = List.copyOf(samples);
            samples.clear();
            List<Future<Long>> burstReports = new ArrayList<>();
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            int threadsBefore = threads.getThreadCount();
            threads.resetPeakThreadCount();
            long burstStart = System.nanoTime();
            for (int i = 0; i < burst; i++) {
                burstReports.add(report(pages));
            }
            long[] lastDone = {-1};
            burstQuotes = quotesUntilDone(quotesPerSecond, burstReports, lastDone);
            // Until the last report of the burst was done, or the quotes stopped waiting for it.
            burstNanos = (lastDone[0] < 0 ? System.nanoTime() : lastDone[0]) - burstStart;
            List<int[]> burstSamples = List.copyOf(samples);
            // Platform threads started for the burst: a pool sized to the processors has them all from before.
            put("burstExtraThreads", threads.getPeakThreadCount() - threadsBefore);
            probe = shortBehindLong(longPages);
            awaitAnswers(steady, burstQuotes);
            describeSamples("steady", steadySamples);
            describeSamples("burst", burstSamples);
            describePinning(PinnedSite.of(pinning.stop()));
        }
        describeQuotes("steady", steady);
        describeQuotes("burst", burstQuotes);
        put("burstSeconds", burstNanos / 1e9);
        put("burstReports", burst);
        put("pages", pages);
        List<Reports> all = new ArrayList<>(probe);
        reportsByPages.forEach((size, reports) -> all.add(new Reports(size, reports)));
        describeAnswers(steady, burstQuotes, all);
        put("closeMillis", closeMillisBehind(burst, pages));
        System.out.println(result);
    }

    /**
     * Asks for another burst of {@code reports} reports and closes the service at once, timing close(): reports
     * still running are abandoned, so close() need not wait for the backlog.
     */
    private double closeMillisBehind(int reports, int pages) {
        for (int i = 0; i < reports; i++) {
            service.report(pages);
        }
        long start = System.nanoTime();
        try {
            service.close();
        } catch (RuntimeException e) {
            put("closeThrew", e.getClass().getName());
        }
        return (System.nanoTime() - start) / 1e6;
    }

    /** Quotes at a steady pace for {@code millis}, with {@code reportsPerTick} reports every 100 ms. */
    private List<Quote> phase(int quotesPerSecond, long millis, int pages, int reportsPerTick)
            throws InterruptedException {
        List<Quote> quotes = new ArrayList<>();
        long start = System.nanoTime();
        long end = start + millis * 1_000_000;
        long period = 1_000_000_000L / quotesPerSecond;
        long nextReport = start;
        long nextMove = start;
        for (long due = start; due < end; due += period) {
            pace(due);
            if (due >= nextReport) {
                for (int i = 0; i < reportsPerTick; i++) {
                    report(pages);
                }
                nextReport += 100_000_000;
            }
            if (due >= nextMove) {
                rates.move();
                nextMove += 5_000_000 + random.nextInt(5_000_000);
            }
            quotes.add(send(due));
        }
        return quotes;
    }

    /**
     * Quotes at a steady pace until the reports are done, for at least a second and at most four; {@code lastDone}
     * gets the moment the last report was first seen done, to within a quote's period.
     */
    private List<Quote> quotesUntilDone(int quotesPerSecond, List<Future<Long>> reports, long[] lastDone)
            throws InterruptedException {
        List<Quote> quotes = new ArrayList<>();
        long start = System.nanoTime();
        long period = 1_000_000_000L / quotesPerSecond;
        int done = 0;
        for (long due = start; due < start + 4_000_000_000L; due += period) {
            while (done < reports.size() && reports.get(done).isDone()) {
                done++;
            }
            if (done == reports.size()) {
                if (lastDone[0] < 0) {
                    lastDone[0] = System.nanoTime();
                }
                if (due - start > 1_000_000_000L) {
                    break;
                }
            }
            pace(due);
            quotes.add(send(due));
        }
        return quotes;
    }

    /**
     * One long report, then {@link #PROBES} one-page reports submitted 40 ms apart while it runs: with reports on
     * as many threads as processors, each short one runs beside the long one; on a single thread it waits behind
     * it; with a queue of its own per thread, fed in turn, some wait behind it. Records the slowest short report's
     * latency, from its submission until it was seen done, and returns the long report and the short ones.
     */
    private List<Reports> shortBehindLong(int longPages) throws InterruptedException {
        long start = System.nanoTime();
        Future<Long> longReport = request(longPages);
        List<Future<Long>> shortReports = new ArrayList<>();
        long[] submitted = new long[PROBES];
        long[] latency = new long[PROBES];
        Arrays.fill(latency, -1);
        long deadline = start + 4_000_000_000L;
        int pending = PROBES;
        while (pending > 0 && System.nanoTime() < deadline) {
            long now = System.nanoTime();
            int next = shortReports.size();
            if (next < PROBES && now - start >= (next + 1) * 40_000_000L) {
                submitted[next] = System.nanoTime();
                shortReports.add(request(1));
            }
            for (int i = 0; i < shortReports.size(); i++) {
                if (latency[i] < 0 && shortReports.get(i).isDone()) {
                    latency[i] = System.nanoTime() - submitted[i];
                    pending--;
                }
            }
            Thread.sleep(1);
        }
        long[] sorted = Arrays.stream(latency).map(l -> l < 0 ? deadline - start : l).sorted().toArray();
        put("probeShortSlowest", sorted[PROBES - 1] / 1e6);
        put("probeLongPages", longPages);
        return List.of(new Reports(longPages, List.of(longReport)), new Reports(1, shortReports));
    }

    /**
     * Asks for a report of {@code pages} pages or one more, by turns, and keeps it to check its checksum at the end:
     * a service that tells reports apart by size sees both sizes in every phase.
     */
    private Future<Long> report(int pages) {
        int size = pages + reportsAsked++ % 2;
        Future<Long> report = request(size);
        reportsByPages.computeIfAbsent(size, any -> new ArrayList<>()).add(report);
        return report;
    }

    /**
     * Asks for a report on a virtual thread of its own that waits for it, as a server on virtual threads would:
     * whatever the service does on the caller's thread, it does on a carrier.
     */
    private Future<Long> request(int pages) {
        CompletableFuture<Long> checksum = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try {
                checksum.complete(service.report(pages).get());
            } catch (ExecutionException e) {
                checksum.completeExceptionally(e.getCause());
            } catch (Throwable e) {
                checksum.completeExceptionally(e);
            }
        });
        return checksum;
    }

    private Quote send(long due) {
        Quote quote = new Quote(due, SKUS.get(random.nextInt(SKUS.size())),
                RateBoard.CURRENCIES.get(random.nextInt(RateBoard.CURRENCIES.size())));
        Thread.ofVirtual().start(() -> {
            try {
                quote.answer = service.quote(quote.sku, quote.currency);
            } catch (Throwable e) {
                quote.failure = e;
            }
            quote.answered = System.nanoTime();
        });
        return quote;
    }

    private static void pace(long due) throws InterruptedException {
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    @SafeVarargs
    private static void awaitAnswers(List<Quote>... phases) throws InterruptedException {
        long deadline = System.nanoTime() + 2_000_000_000L;
        for (List<Quote> quotes : phases) {
            for (Quote quote : quotes) {
                while (quote.answered < 0 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
        }
    }

    /** Latency percentiles in ms, an unanswered quote counting as waiting until now. */
    private void describeQuotes(String phase, List<Quote> quotes) {
        long now = System.nanoTime();
        List<Long> latencies = new ArrayList<>();
        for (Quote quote : quotes) {
            latencies.add((quote.answered < 0 ? now : quote.answered) - quote.due);
        }
        Collections.sort(latencies);
        put(phase + "Quotes", quotes.size());
        put(phase + "P50", latencies.get(latencies.size() / 2) / 1e6);
        put(phase + "P99", latencies.get((int) (latencies.size() * 0.99)) / 1e6);
        put(phase + "Unanswered", quotes.stream().filter(q -> q.answered < 0).count());
    }

    /** Queued virtual threads in the first and last third of the phase, and how often every carrier was mounted. */
    private void describeSamples(String phase, List<int[]> taken) {
        int third = Math.max(1, taken.size() / 3);
        put(phase + "QueuedFirst", taken.subList(0, third).stream().mapToInt(s -> s[0]).average().orElse(0));
        put(phase + "QueuedLast", taken.subList(taken.size() - third, taken.size()).stream().mapToInt(s -> s[0])
                .average().orElse(0));
        put(phase + "QueuedMax", taken.stream().mapToInt(s -> s[0]).max().orElse(0));
        put(phase + "AllMounted", taken.stream().filter(s -> s[1] >= scheduler.getParallelism()).count()
                / (double) Math.max(1, taken.size()));
    }

    /** How often quotes or reports blocked while pinned, and the innermost frame of the service where they did. */
    private void describePinning(List<PinnedSite> sites) {
        put("pinned", sites.stream().mapToInt(PinnedSite::count).sum());
        put("pinnedMillis", sites.stream().mapToLong(site -> site.total().toMillis()).sum());
        put("pinnedSite", sites.isEmpty() ? "-" : sites.getFirst().stack().stream()
                .filter(frame -> frame.startsWith("lesson6.") && !frame.startsWith("lesson6.checks."))
                .findFirst().orElse(sites.getFirst().site()));
    }

    /** Wrong or failed quotes, and reports not done or with the wrong checksum. */
    private void describeAnswers(List<Quote> steady, List<Quote> burst, List<Reports> reports)
            throws InterruptedException {
        long wrong = 0;
        String example = "-";
        for (List<Quote> quotes : List.of(steady, burst)) {
            for (Quote quote : quotes) {
                if (quote.answered >= 0 && (quote.failure != null || !rates.plausible(quote.sku, quote.currency,
                        quote.answer, quote.due, quote.answered))) {
                    wrong++;
                    example = quote.failure != null ? quote.failure.toString().replace(' ', '_')
                            : quote.sku + "/" + quote.currency + "=" + quote.answer;
                }
            }
        }
        put("wrongQuotes", wrong);
        put("wrongQuote", example);
        int count = 0;
        int unfinished = 0;
        int wrongReports = 0;
        long deadline = System.nanoTime() + 3_000_000_000L;
        for (Reports sameSize : reports) {
            long expected = TariffModel.render(sameSize.pages());
            for (Future<Long> report : sameSize.checksums()) {
                count++;
                try {
                    if (report.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS) != expected) {
                        wrongReports++;
                    }
                } catch (TimeoutException | ExecutionException | java.util.concurrent.CancellationException e) {
                    unfinished++;
                }
            }
        }
        put("reports", count);
        put("unfinishedReports", unfinished);
        put("wrongReports", wrongReports);
        put("rateCalls", rates.calls());
    }

    private void put(String key, Object value) {
        result.append(key).append('=').append(value instanceof Double d
                ? String.format(Locale.ROOT, "%.2f", d) : value).append(' ');
    }

    /** Samples queued and mounted virtual threads every 20 ms. */
    private final class Sampler implements AutoCloseable {
        private final Thread thread = Thread.ofPlatform().daemon().name("scheduler-sampler").start(this::sample);

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                samples.add(new int[] {(int) scheduler.getQueuedVirtualThreadCount(),
                        scheduler.getMountedVirtualThreadCount()});
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }
}
