/*
 * Misconception: "fetch what the callback needs first" means START the rate lookup before the native sort, on a
 * platform thread where blocking network I/O is harmless, and only pick up its result inside the comparator.
 * The blocking call no longer runs under the native frame, so (the learner thinks) nothing pins any more. The
 * reports are moved, correctly, to a fixed pool of platform threads sized to the processors.
 * Why a learner would believe it: the lesson's table says "fetch what the callback needs first", and the fetch
 * now indeed starts before qsort is called; the network call itself runs on a platform thread, which JFR never
 * reports as a pinned virtual thread's blocking operation; the answers are identical (one lookup per quote, same
 * rate, same comparison), and with the reports off the carriers the service looks much better than before.
 * What is actually right: pinning is about the virtual thread that WAITS, not about who does the I/O. The first
 * comparison calls Future.get() on a lookup that has just started, so the quote's virtual thread parks for
 * nearly the whole lookup with qsort's native frame (and the upcall) on its stack: pinned, holding its carrier
 * exactly as long as before (jdk.VirtualThreadPinned, "Native or VM frame on stack", at the comparator). With 2
 * carriers, two quotes in their first comparison hold both, and every other quote queues. The wait itself must
 * happen before (or after) the native call: long rate = rates.applyAsLong(currency) before sortNatively, and a
 * comparator that only compares left * rate with right * rate.
 */
package lesson6;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongBinaryOperator;
import java.util.function.ToLongFunction;

/**
 * Exercise {@code free-the-carriers} (lesson 6): a tariff service whose every request runs on a virtual thread of
 * its own, as a server on virtual threads runs them. Its light endpoint, {@link #quote}, should answer in about
 * the time one exchange-rate lookup takes, yet under load its latency climbs to hundreds of milliseconds and
 * virtual threads pile up waiting for a carrier. Fix that, keeping all the work: every quote and every report
 * must still be computed, with the same answers.
 *
 * <p>The check drives your service in a JVM of its own, whose scheduler has 2 carriers: quotes at a steady pace
 * with reports arriving now and then, then a burst of reports. Your quotes' p99 must stay within 3 times that of
 * the course's own fix (plus 10 ms) measured in the same run, queued virtual threads must not pile up, the
 * reports' throughput must not fall below 40% of the course's fix, short reports must not wait behind a long
 * one, and a burst must not start a platform thread per report. Check it with {@code /check} or
 * {@code ./workbench check free-the-carriers}.
 */
public final class TariffService implements AutoCloseable {

    private final ToLongFunction<String> rates;
    /** CPU-bound rendering belongs on platform threads, as many as there are processors. */
    private final ExecutorService reports = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    /** Rate lookups block on the network: they run on platform threads, which may block without pinning anything. */
    private final ExecutorService lookups = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("rate-lookup-", 0).daemon(true).factory());

    /**
     * @param rates the exchange rate of a currency against the euro, in millionths; each call asks the rates
     *              service over the network and blocks for a few milliseconds
     */
    public TariffService(ToLongFunction<String> rates) {
        this.rates = rates;
    }

    /**
     * The light endpoint: the lowest price of a product's tiers in a currency, in hundredths of that currency.
     * Called on a virtual thread per request.
     */
    public long quote(String sku, String currency) throws InterruptedException {
        long[] tiers = Tariffs.tiersInEuroCents(sku);
        // Fetch what the callback needs first: the lookup starts before the native call, and its network I/O runs
        // on a platform thread, not on this virtual thread under qsort's native frame.
        Future<Long> pendingRate = lookups.submit(() -> rates.applyAsLong(currency));
        long[] rate = {-1};
        // The pricing library is native; it calls back into Java to compare two tiers in the quote's currency,
        // and the first comparison picks up the rate fetched above.
        Tariffs.sortNatively(tiers, (left, right) -> {
            if (rate[0] < 0) {
                rate[0] = resultOf(pendingRate);
            }
            return Long.compare(left * rate[0], right * rate[0]);
        });
        return Math.round(tiers[0] * rate[0] / 1e6);
    }

    /** The rate a lookup found; an exception must stay unchecked here, the comparator cannot throw checked ones. */
    private static long resultOf(Future<Long> pendingRate) {
        try {
            return pendingRate.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();   // sortNatively throws InterruptedException once qsort returns
            throw new IllegalStateException("interrupted while waiting for the rate", e);
        } catch (ExecutionException e) {
            switch (e.getCause()) {
                case RuntimeException cause -> throw cause;
                case Error cause -> throw cause;
                case null, default -> throw new IllegalStateException(e);
            }
        }
    }

    /** The heavy endpoint: renders a report of {@code pages} pages and returns its checksum. */
    public Future<Long> report(int pages) {
        return reports.submit(() -> Tariffs.render(pages));
    }

    /** Stops the service; reports still running are abandoned. */
    @Override
    public void close() {
        reports.shutdownNow();
        lookups.shutdownNow();
    }

    /** The tariff data and the native pricing library. Nothing here needs to change. */
    static final class Tariffs {

        private static final Linker LINKER = Linker.nativeLinker();
        private static final MethodHandle QSORT = LINKER.downcallHandle(
                LINKER.defaultLookup().find("qsort").orElseThrow(),
                FunctionDescriptor.ofVoid(ValueLayout.ADDRESS, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                        ValueLayout.ADDRESS));
        private static final ThreadLocal<LongBinaryOperator> COMPARATOR = new ThreadLocal<>();
        private static final MemorySegment CALLBACK = callback();

        private Tariffs() {}

        /** Four price tiers of a product, in euro cents. */
        static long[] tiersInEuroCents(String sku) {
            long seed = sku.hashCode() * 0x9E3779B97F4A7C15L;
            long[] tiers = new long[4];
            for (int i = 0; i < tiers.length; i++) {
                seed = seed * 6364136223846793005L + 1442695040888963407L;
                tiers[i] = 500 + Math.floorMod(seed >>> 17, 200_000L);
            }
            return tiers;
        }

        /** Sorts the numbers with the C library's qsort, which calls {@code comparator} back for each pair. */
        static void sortNatively(long[] numbers, LongBinaryOperator comparator) throws InterruptedException {
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment array = arena.allocateFrom(ValueLayout.JAVA_LONG, numbers);
                COMPARATOR.set(comparator);
                QSORT.invokeExact(array, (long) numbers.length, ValueLayout.JAVA_LONG.byteSize(), CALLBACK);
                MemorySegment.copy(array, ValueLayout.JAVA_LONG, 0, numbers, 0, numbers.length);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            } finally {
                COMPARATOR.remove();
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }

        /** Renders one report: plain arithmetic, some milliseconds of one processor per page. */
        static long render(int pages) {
            long checksum = pages;
            for (long i = pages * 1_000_000L; i > 0; i--) {
                checksum ^= checksum << 13;
                checksum ^= checksum >>> 7;
                checksum ^= checksum << 17;
                checksum += i;
            }
            return checksum;
        }

        private static int compare(MemorySegment left, MemorySegment right) {
            try {
                return Long.signum(COMPARATOR.get().applyAsLong(left.get(ValueLayout.JAVA_LONG, 0),
                        right.get(ValueLayout.JAVA_LONG, 0)));
            } catch (RuntimeException | Error e) {
                Thread.currentThread().interrupt();   // an exception must not cross the native frame
                return 0;
            }
        }

        private static MemorySegment callback() {
            try {
                MethodHandle compare = MethodHandles.lookup().findStatic(Tariffs.class, "compare",
                        MethodType.methodType(int.class, MemorySegment.class, MemorySegment.class));
                return LINKER.upcallStub(compare, FunctionDescriptor.of(ValueLayout.JAVA_INT,
                        ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_LONG),
                        ValueLayout.ADDRESS.withTargetLayout(ValueLayout.JAVA_LONG)), Arena.global());
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }
    }
}
