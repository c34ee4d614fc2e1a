package lesson6.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToLongFunction;

/**
 * The rates service that exercise {@code free-the-carriers}'s service asks: each call answers the rate in force when
 * it was asked and blocks for a few milliseconds, as a network round trip would, and rates change while the check
 * runs, so that an answer computed from a rate kept too long, or from a call another quote made before this one
 * arrived, is wrong. Every rate is kept with the time it took effect.
 */
final class RateBoard implements ToLongFunction<String> {

    static final List<String> CURRENCIES = List.of("USD", "GBP", "CHF", "SEK", "JPY");

    /** A rate and the time it took effect ({@code System.nanoTime()}). */
    private record Rate(long since, long millionths) {}

    private final Map<String, List<Rate>> history = new ConcurrentHashMap<>();
    private final int blockMillis;
    private final Random random;
    private final AtomicLong calls = new AtomicLong();

    RateBoard(int blockMillis, Random random) {
        this.blockMillis = blockMillis;
        this.random = random;
        CURRENCIES.forEach(currency -> history.put(currency, new ArrayList<>(List.of(
                new Rate(Long.MIN_VALUE, 500_000 + random.nextInt(1_000_000))))));
    }

    /** The rate in force when asked, after a round trip. */
    @Override
    public long applyAsLong(String currency) {
        calls.incrementAndGet();
        long rate;
        List<Rate> rates = history.get(currency);
        synchronized (rates) {
            rate = rates.getLast().millionths();
        }
        try {
            Thread.sleep(blockMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return rate;
    }

    /** Changes one currency's rate. */
    void move() {
        String currency = CURRENCIES.get(random.nextInt(CURRENCIES.size()));
        List<Rate> rates = history.get(currency);
        synchronized (rates) {
            rates.add(new Rate(System.nanoTime(), 500_000 + random.nextInt(1_000_000)));
        }
    }

    /** Whether {@code answer} is the quote at a rate that was in force at some moment between start and end. */
    boolean plausible(String sku, String currency, long answer, long start, long end) {
        List<Rate> rates = history.get(currency);
        synchronized (rates) {
            for (int i = 0; i < rates.size(); i++) {
                long until = i + 1 < rates.size() ? rates.get(i + 1).since() : Long.MAX_VALUE;
                if (rates.get(i).since() <= end && until >= start
                        && TariffModel.quote(sku, rates.get(i).millionths()) == answer) {
                    return true;
                }
            }
            return false;
        }
    }

    long calls() {
        return calls.get();
    }
}
