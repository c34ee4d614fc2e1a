package workbench.console.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Drains a process's output on a thread of its own, keeping the first bytes up to a cap and counting
 * the rest, and calls back once when the total passes the flood mark.
 */
final class CappedOutput {

    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int cap;
    private final long floodMark;
    private final Runnable onFlood;
    private final Thread reader;
    private long total;

    CappedOutput(InputStream in, int cap, long floodMark, Runnable onFlood) {
        this.cap = cap;
        this.floodMark = floodMark;
        this.onFlood = onFlood;
        this.reader = Thread.ofPlatform().daemon().name("check-output").start(() -> drain(in));
    }

    private void drain(InputStream in) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                boolean flooded;
                synchronized (this) {
                    kept.write(buffer, 0, (int) Math.max(0, Math.min(n, cap - kept.size())));
                    flooded = total < floodMark && total + n >= floodMark;
                    total += n;
                }
                if (flooded) {
                    onFlood.run();
                }
            }
        } catch (IOException e) {
            // The process is gone; what was read is kept.
        }
    }

    /** Waits briefly for the rest of the output of a process that has ended. */
    void finish() throws InterruptedException {
        reader.join(2000);
    }

    synchronized long total() {
        return total;
    }

    synchronized String text() {
        String text = kept.toString(StandardCharsets.UTF_8);
        return total > cap ? text + "\n[... " + (total - cap) + " more bytes not shown]" : text;
    }
}
