package lesson2.demo;

import java.util.ArrayDeque;
import java.util.Random;

/** Renders a large report page by page into byte buffers. */
final class ReportRenderer implements SpikeSite {

    private static final long KEPT = 32L << 20;

    @Override
    public void allocate(long bytes, Random random, Pace pace) throws InterruptedException {
        render(bytes, random, pace);
    }

    private static void render(long bytes, Random random, Pace pace) throws InterruptedException {
        ArrayDeque<byte[]> pages = new ArrayDeque<>();
        long kept = 0;
        for (long done = 0; done < bytes; ) {
            byte[] page = new byte[pace.chunkSize(random)];
            page[page.length - 1] = 1;
            pages.addLast(page);
            kept += page.length;
            done += page.length;
            while (kept > KEPT) {
                kept -= pages.removeFirst().length;
            }
            long rest = pace.afterChunk(done);
            if (rest > 0 && done < bytes) {
                Thread.sleep(rest);
            }
        }
    }
}
