/*
 * Misconception: a CPU-bound virtual thread only has to "be polite": if the rendering loop calls Thread.yield()
 * after every page, it hands its carrier back to the scheduler every few milliseconds, so quotes slip in between
 * pages and the reports can stay on virtual threads. (The pin in quote() is fixed properly: the rate is fetched
 * before the native sort.)
 * Why a learner would believe it: yield() on a virtual thread really does unmount it, and a single report next to
 * a single quote looks fine: the quote waits at most one page. It feels like adding the time-slicing that the
 * lesson says the virtual-thread scheduler lacks, and it keeps "one virtual thread per request" and keeps the
 * checksum bit for bit, since yielding changes no arithmetic.
 * What is actually right: yield() only puts the report back at the end of the scheduler's queue, still runnable.
 * Every report in flight stays queued for a carrier, so queued virtual threads grow with the reports in flight,
 * and a quote, each time it wakes up (at its start and again after the rate lookup), waits behind a page of every
 * report ahead of it: in a burst of reports that is tens to hundreds of milliseconds on 2 carriers. The carriers
 * are still spent on CPU-bound work. Render on a pool of platform threads sized to the processors
 * (Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors())), where the OS time-slices the
 * rendering against the carriers, and leave the carriers to the quotes.
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

    /** The rendering loop's iterations per page, as in {@link Tariffs#render}. */
    private static final long ITERATIONS_PER_PAGE = 1_000_000L;

    private final ToLongFunction<String> rates;
    private final ExecutorService reports = Executors.newVirtualThreadPerTaskExecutor();

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
        // Blocking under the native qsort frame pins the carrier: ask for the rate first, with nothing native on
        // the stack, and give the comparator only the number.
        long rate = rates.applyAsLong(currency);
        Tariffs.sortNatively(tiers, (left, right) -> Long.compare(left * rate, right * rate));
        return Math.round(tiers[0] * rate / 1e6);
    }

    /** The heavy endpoint: renders a report of {@code pages} pages and returns its checksum. */
    public Future<Long> report(int pages) {
        return reports.submit(() -> renderYielding(pages));
    }

    /**
     * {@link Tariffs#render}, the same iterations in the same order (so the same checksum), but the virtual
     * thread gives its carrier back after every page: the scheduler does not time-slice, so the report does.
     */
    private static long renderYielding(int pages) {
        long checksum = pages;
        long i = pages * ITERATIONS_PER_PAGE;
        for (int page = 0; page < pages; page++) {
            for (long pageEnd = i - ITERATIONS_PER_PAGE; i > pageEnd; i--) {
                checksum ^= checksum << 13;
                checksum ^= checksum >>> 7;
                checksum ^= checksum << 17;
                checksum += i;
            }
            Thread.yield();   // let the quotes queued behind this report have the carrier
        }
        return checksum;
    }

    /** Stops the service; reports still running are abandoned. */
    @Override
    public void close() {
        reports.shutdownNow();
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
