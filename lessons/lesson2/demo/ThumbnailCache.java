package lesson2.demo;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decodes a batch of images into pixel buffers, then throws them away. */
final class ThumbnailCache implements SpikeSite {

    private static final int KEPT = 12;

    @Override
    public void allocate(long bytes, Random random) throws InterruptedException {
        load(bytes, random);
    }

    private static void load(long bytes, Random random) throws InterruptedException {
        List<ByteBuffer> decoded = new ArrayList<>();
        for (long done = 0; done < bytes; ) {
            // ByteBuffer.allocate makes the array: the sample's top frame is in the JDK, this method below it.
            ByteBuffer pixels = ByteBuffer.allocate(SpikeSite.chunkSize(random));
            pixels.putInt(0, random.nextInt());
            decoded.add(pixels);
            if (decoded.size() > KEPT) {
                decoded.removeFirst();
            }
            done += pixels.capacity();
            if (SpikeSite.restsAfter(done, bytes)) {
                Thread.sleep(REST_MILLIS);
            }
        }
    }
}
