package lesson2.demo;

import java.util.Random;

/**
 * The steady part of the load: requests that each allocate a little, some of it kept in a cache of fixed
 * size (the live set), so that old objects die and new ones move in all the time.
 */
final class RequestHandler {

    private static final int BLOCK = 16 << 10;

    private final Object[] cache;
    private final Random random;

    RequestHandler(int liveSetMb, Random random) {
        this.cache = new Object[Math.max(1, (liveSetMb << 20) / BLOCK)];
        this.random = random;
        for (int i = 0; i < cache.length; i++) {
            cache[i] = entry();
        }
    }

    /** Handles one request: about {@code bytes} of short-lived garbage and one cache replacement. */
    void handle(int bytes) {
        StringBuilder response = new StringBuilder();
        for (int made = 0; made < bytes; made += 1024) {
            byte[] scratch = new byte[1024];
            scratch[0] = (byte) made;
            response.append(scratch.length);
        }
        cache[random.nextInt(cache.length)] = entry();
        if (response.isEmpty()) {
            throw new IllegalStateException("no response");
        }
    }

    /** A cache entry made of many small objects, so that marking and copying it costs what it would. */
    private Object[] entry() {
        Object[] entry = new Object[BLOCK / 64];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = new long[4];
        }
        return entry;
    }
}
