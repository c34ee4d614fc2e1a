/*
 * Misconception: the quotes starve because the scheduler has too few carriers (2 here), so give it more: raise
 * the virtual-thread scheduler's parallelism at run time, well above what a burst of reports can occupy, and the
 * reports can stay on virtual threads. -Djdk.virtualThreadScheduler.parallelism cannot be passed to the check's
 * JVM and System.setProperty is read only once, when the scheduler is built, so the learner does it "properly",
 * through the scheduler's MXBean (JDK 24+), and restores the old value on close. (The pin in quote() is fixed
 * properly: the rate is fetched before the native sort.)
 * Why a learner would believe it: the trace's diagnosis was "mounted = parallelism, queued > 0": raise the
 * parallelism and the queue empties, since a waiting virtual thread now finds an idle carrier. Idle carriers cost
 * nothing and time out after 30 s, nothing is dropped, the answers and checksums are untouched, and in a quiet
 * run with a report or two the quotes indeed look fine. It is the JVM's own knob for exactly this (GOMAXPROCS).
 * What is actually right: the parallelism does not bound the CPU-bound work, it only hands it more carriers. A
 * burst of reports now gets a carrier, a platform thread, per report (exactly what the check forbids), all of
 * them competing with the quotes' carriers for 2 processors, so the quotes wait for the CPU instead of for a
 * carrier, and the setting is JVM-wide: it changes every other virtual thread in the process. CPU-bound work
 * belongs on a pool of platform threads sized to the processors,
 * Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors()), and the scheduler left as it is.
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
import java.lang.management.ManagementFactory;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongBinaryOperator;
import java.util.function.ToLongFunction;
import jdk.management.VirtualThreadSchedulerMXBean;

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

    /**
     * Carriers enough that a burst of reports never holds all of them: a quote always finds an idle one. Well
     * under the scheduler's default maximum pool size (256); idle carriers time out after 30 seconds.
     */
    private static final int PARALLELISM = 64;

    private final ToLongFunction<String> rates;
    private final ExecutorService reports = Executors.newVirtualThreadPerTaskExecutor();
    private final VirtualThreadSchedulerMXBean scheduler =
            ManagementFactory.getPlatformMXBean(VirtualThreadSchedulerMXBean.class);
    private final int parallelismBefore;

    /**
     * @param rates the exchange rate of a currency against the euro, in millionths; each call asks the rates
     *              service over the network and blocks for a few milliseconds
     */
    public TariffService(ToLongFunction<String> rates) {
        this.rates = rates;
        // System.setProperty("jdk.virtualThreadScheduler.parallelism", ...) would come too late: the scheduler
        // read it when the first virtual thread started. Its MXBean changes the running scheduler.
        this.parallelismBefore = scheduler.getParallelism();
        if (parallelismBefore < PARALLELISM) {
            try {
                scheduler.setParallelism(PARALLELISM);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // a scheduler that cannot grow (a custom one, or a smaller maximum pool size) keeps its carriers
            }
        }
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

    /**
     * The heavy endpoint: renders a report of {@code pages} pages and returns its checksum. With the scheduler's
     * parallelism raised, a report holding a carrier no longer leaves the quotes without one.
     */
    public Future<Long> report(int pages) {
        return reports.submit(() -> Tariffs.render(pages));
    }

    /** Stops the service; reports still running are abandoned. The scheduler gets its parallelism back. */
    @Override
    public void close() {
        reports.shutdownNow();
        if (scheduler.getParallelism() == PARALLELISM && parallelismBefore < PARALLELISM) {
            try {
                scheduler.setParallelism(parallelismBefore);
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // leave it as it is
            }
        }
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
