package lesson2.demo;

import java.util.Random;

/**
 * Rotates the service's logs, which happens once in a long while: one large buffer, and nothing else. A site with
 * no usual rate at all, so any multiple of its usual is boundless, though the bytes it adds are few.
 */
final class LogRotation {

    private LogRotation() {}

    /** Makes one buffer of 2 to 4 MiB, too large for a thread's TLAB. */
    static byte[] rotate(Random random) {
        byte[] buffer = new byte[(2 << 20) + random.nextInt(2 << 20)];
        buffer[buffer.length - 1] = 1;
        return buffer;
    }
}
