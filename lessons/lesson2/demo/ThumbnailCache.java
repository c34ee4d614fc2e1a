package lesson2.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Decodes a batch of images into pixel arrays, then throws them away. */
final class ThumbnailCache implements SpikeSite {

    private static final int KEPT = 12;

    @Override
    public void allocate(long bytes, Random random) throws InterruptedException {
        load(bytes, random);
    }

    private static void load(long bytes, Random random) throws InterruptedException {
        List<int[]> decoded = new ArrayList<>();
        for (long done = 0; done < bytes; ) {
            int[] pixels = new int[SpikeSite.chunkSize(random) / Integer.BYTES];
            pixels[0] = random.nextInt();
            decoded.add(pixels);
            if (decoded.size() > KEPT) {
                decoded.removeFirst();
            }
            done += (long) pixels.length * Integer.BYTES;
            SpikeSite.breathe(done, bytes);
        }
    }
}
