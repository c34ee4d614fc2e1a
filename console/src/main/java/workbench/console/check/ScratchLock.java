package workbench.console.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Holds an exercise's scratch folder for one check: a second check of the same exercise, from another terminal or
 * from the console, would empty the classes the first is running and spoil both verdicts.
 */
final class ScratchLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private ScratchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The folder's lock, or {@code null} while another check, in this process or another, holds it. */
    static ScratchLock tryAcquire(Path scratch) {
        try {
            Files.createDirectories(scratch);
            FileChannel channel = FileChannel.open(scratch.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    return new ScratchLock(channel, lock);
                }
            } catch (OverlappingFileLockException held) {
                // held by a check running in this very process
            }
            channel.close();
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + scratch + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
