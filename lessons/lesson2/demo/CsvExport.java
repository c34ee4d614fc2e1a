package lesson2.demo;

import java.util.Arrays;
import java.util.Random;

/** Writes an export into a buffer that doubles whenever it fills, the classic way to allocate too much. */
final class CsvExport implements SpikeSite {

    private static final int RESTART_AT = 8 << 20;

    @Override
    public void allocate(long bytes, Random random, Pace pace) throws InterruptedException {
        write(bytes, random, pace);
    }

    private static void write(long bytes, Random random, Pace pace) throws InterruptedException {
        char[] buffer = new char[64 << 10];
        for (long done = 0; done < bytes; ) {
            // Arrays.copyOf allocates: the sample's top frame is in the JDK, this method is one below.
            buffer = buffer.length >= RESTART_AT ? new char[64 << 10] : Arrays.copyOf(buffer, buffer.length * 2);
            buffer[buffer.length - 1] = (char) ('a' + random.nextInt(26));
            done += (long) buffer.length * Character.BYTES;
            long rest = pace.afterChunk(done);
            if (rest > 0 && done < bytes) {
                Thread.sleep(rest);
            }
        }
    }
}
