package lesson2.demo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decodes a batch of images into pixel buffers, then throws them away. */
final class ThumbnailCache implements SpikeSite {

    private static final int KEPT = 12;

    @Override
    public void allocate(long bytes, Random random, Pace pace) throws InterruptedException {
        load(bytes, random, pace);
    }

    private static void load(long bytes, Random random, Pace pace) throws InterruptedException {
        List<ByteBuffer> decoded = new ArrayList<>();
        for (long done = 0; done < bytes; ) {
            // ByteBuffer.allocate makes the array: the sample's top frame is in the JDK, this method below it.
            ByteBuffer pixels = ByteBuffer.allocate(pace.chunkSize(random));
            pixels.putInt(0, random.nextInt());
            decoded.add(pixels);
            if (decoded.size() > KEPT) {
                decoded.removeFirst();
            }
            done += pixels.capacity();
            long rest = pace.afterChunk(done);
            if (rest > 0 && done < bytes) {
                Thread.sleep(rest);
            }
        }
    }
}
