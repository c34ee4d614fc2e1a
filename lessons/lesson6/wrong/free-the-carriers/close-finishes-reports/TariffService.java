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
 * <p>Reports are CPU-bound: they run on platform threads, as many as there are processors, and leave the carriers
 * to the virtual threads. Quotes fetch the rate before calling the native sort, so that they never block while
 * pinned under its callback. No report is dropped, not even when the service is closed.
 */
public final class TariffService implements AutoCloseable {

    private final ToLongFunction<String> rates;
    private final ExecutorService reports = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors());

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
        long rate = rates.applyAsLong(currency);   // the lookup blocks here, where the virtual thread can unmount
        Tariffs.sortNatively(tiers, (left, right) -> Long.compare(left * rate, right * rate));
        return Math.round(tiers[0] * rate / 1e6);
    }

    /** The heavy endpoint: renders a report of {@code pages} pages and returns its checksum. */
    public Future<Long> report(int pages) {
        return reports.submit(() -> Tariffs.render(pages));
    }

    /**
     * Stops the service. Reports already accepted are still rendered: close() refuses new ones and waits for
     * those under way and queued, so that no report a client was promised is lost.
     */
    @Override
    public void close() {
        reports.close();
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
