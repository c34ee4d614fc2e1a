/* Misconception: only long computations starve the carriers, so short reports (a page or two, a few milliseconds) can stay on virtual threads, where they never wait behind a long report in the platform pool.
   Why plausible: the lesson's example is a virtual thread that computes for a second and holds its carrier that long, the check demands that short reports not wait behind a long one, and a report of a few milliseconds holds a carrier no longer than a rate lookup takes, so routing only long reports to the fixed pool of platform threads seems to serve both.
   What it gets wrong: the scheduler does not time-slice whatever the length: each short report still holds a carrier until it ends, and a burst of many short reports holds every carrier back to back, so quotes queue behind the sum of them (hundreds of milliseconds), just as with long ones; CPU-bound work of any size belongs on the platform pool. */
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
 * Exercise {@code free-the-carriers} (lesson 6). Long reports compute on platform threads, one per processor, so
 * they never hold a carrier for long; short ones stay on virtual threads, so they never wait behind a long one;
 * quotes ask for the rate before the native sort, so they never block under a native frame.
 */
public final class TariffService implements AutoCloseable {

    /** Reports up to this many pages take a few milliseconds: no longer than a rate lookup. */
    private static final int SHORT_REPORT_PAGES = 2;

    private final ToLongFunction<String> rates;
    /** Long CPU-bound reports: platform threads, as many as there are processors. */
    private final ExecutorService reports = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());
    /** Short reports: a virtual thread each, never queued behind a long report. */
    private final ExecutorService shortReports = Executors.newVirtualThreadPerTaskExecutor();

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
        // Block here, with no native frame on the stack: the virtual thread unmounts while it waits.
        long rate = rates.applyAsLong(currency);
        // The native sort's callback only compares; it never blocks.
        Tariffs.sortNatively(tiers, (left, right) -> Long.compare(left * rate, right * rate));
        return Math.round(tiers[0] * rate / 1e6);
    }

    /** The heavy endpoint: renders a report of {@code pages} pages and returns its checksum. */
    public Future<Long> report(int pages) {
        ExecutorService executor = pages <= SHORT_REPORT_PAGES ? shortReports : reports;
        return executor.submit(() -> Tariffs.render(pages));
    }

    /** Stops the service; reports still running are abandoned. */
    @Override
    public void close() {
        reports.shutdownNow();
        shortReports.shutdownNow();
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
