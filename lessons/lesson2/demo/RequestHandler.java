package lesson2.demo;

import java.util.Random;

/**
 * The steady part of the load: requests that each allocate a little, some of it kept in a cache of fixed
 * size (the live set), so that old objects die and new ones move in all the time.
 */
final class RequestHandler {

    private static final int BLOCK = 16 << 10;
    private static final int ENTRY_PARTS = BLOCK / 64;

    private final Object[] cache;
    private final Random random;
    /** The last response stays reachable, so that the JIT cannot optimise its allocation away. */
    private volatile byte[][] lastResponse;
    private volatile byte[] lastExport;

    RequestHandler(int liveSetMb, Random random) {
        this.cache = new Object[Math.max(1, (liveSetMb << 20) / BLOCK)];
        this.random = random;
        for (int slot = 0; slot < cache.length; slot++) {
            Object[] entry = new Object[ENTRY_PARTS];
            for (int i = 0; i < entry.length; i++) {
                entry[i] = new long[4];
            }
            cache[slot] = entry;
        }
    }

    /**
     * Handles one request: about {@code bytes} of short-lived garbage and one cache replacement, and when
     * {@code exportBytes} is not 0 an export into one buffer of that size.
     */
    void handle(int bytes, int exportBytes) {
        if (exportBytes > 0) {
            byte[] export = new byte[exportBytes];
            export[exportBytes - 1] = 1;
            lastExport = export;
        }
        byte[][] response = new byte[bytes / 1024][];
        for (int part = 0; part < response.length; part++) {
            response[part] = new byte[1024];
            response[part][0] = (byte) part;
        }
        lastResponse = response;
        // The response is cached as many small objects, so that marking and copying the cache costs what it would.
        Object[] entry = new Object[ENTRY_PARTS];
        for (int i = 0; i < entry.length; i++) {
            entry[i] = new long[4];
        }
        cache[random.nextInt(cache.length)] = entry;
    }
}
