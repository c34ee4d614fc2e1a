package workbench.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** The allocation-heavy unit of work both overhead measurements run: short-lived strings and lists. */
final class Workload {

    private Workload() {}

    static int allocationHeavyWork() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> words = new ArrayList<>(64);
        for (int i = 0; i < 64; i++) {
            words.add(Integer.toString(random.nextInt(1_000, 1_000_000)) + "-" + i);
        }
        words.sort(null);
        int hash = 0;
        for (String word : words) {
            hash = 31 * hash + word.hashCode();
        }
        return hash;
    }
}
