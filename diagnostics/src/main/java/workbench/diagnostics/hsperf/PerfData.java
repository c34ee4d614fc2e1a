package workbench.diagnostics.hsperf;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * HotSpot's jvmstat performance counters of a local JVM, read from its memory-mapped
 * {@code /tmp/hsperfdata_<user>/<pid>} file, the source of {@code jstat} and {@code jcmd PerfCounter.print}.
 *
 * <p>Reading a counter is a plain memory read of a file the JVM updates in place: it never involves the
 * observed JVM, never stops its threads and works for any local JVM run with {@code -XX:+UsePerfData}
 * (the default). The PerfData v2 format is parsed here: a 32-byte prologue, then entries, each with a
 * name and a long or byte-array value.
 *
 * {@snippet class="workbench.diagnostics.snippets.HsperfSnippets" region="counters"}
 *
 * <p>Counters are located once per name and cached; the JVM only ever appends entries, so a name found
 * stays at its place. Instances are thread-safe. After {@link #close()} every read throws
 * {@link IllegalStateException}.
 */
public final class PerfData implements AutoCloseable {

    private static final int MAGIC = 0xcafec0c0;
    private static final int PROLOGUE_ENTRY_OFFSET = 24;
    private static final int PROLOGUE_NUM_ENTRIES = 28;
    /** An entry's fixed fields: length, name offset, vector length, four bytes of kinds, data offset. */
    private static final int ENTRY_HEADER = 20;
    private static final byte TYPE_LONG = 'J';
    private static final byte TYPE_BYTE = 'B';
    private static final int UNITS_TICKS = 3;

    private final long pid;
    private final Arena arena;
    private final MemorySegment data;
    private final ValueLayout.OfInt intLayout;
    private final ValueLayout.OfLong longLayout;
    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private int entriesScanned;
    private int nextEntryOffset;

    private record Entry(int dataOffset, byte type, byte units, int vectorLength) {}

    private PerfData(long pid, Arena arena, MemorySegment data) {
        this.pid = pid;
        this.arena = arena;
        this.data = data;
        int magic = data.get(ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN), 0);
        if (magic != MAGIC) {
            arena.close();
            throw new IllegalArgumentException("not a PerfData file (magic " + Integer.toHexString(magic) + ")");
        }
        ByteOrder order = data.get(ValueLayout.JAVA_BYTE, 4) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        this.intLayout = ValueLayout.JAVA_INT_UNALIGNED.withOrder(order);
        this.longLayout = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(order);
        this.nextEntryOffset = data.get(intLayout, PROLOGUE_ENTRY_OFFSET);
    }

    /**
     * Maps the counters of the JVM with this pid (this JVM included).
     *
     * @throws IOException when no hsperfdata file exists for the pid: not a local JVM, already exited,
     *     or run with {@code -XX:-UsePerfData} or {@code -XX:+PerfDisableSharedMem}
     */
    public static PerfData open(long pid) throws IOException {
        Path file = locate(pid).orElseThrow(() -> new NoSuchFileException(
                "hsperfdata_*/" + pid, null,
                "no performance counters for process " + pid
                        + " (not a local JVM, exited, or started with -XX:-UsePerfData)"));
        return open(pid, file);
    }

    /** Maps a PerfData file, for example one copied from another machine. */
    public static PerfData open(long pid, Path file) throws IOException {
        Arena arena = Arena.ofShared();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MemorySegment segment = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size(), arena);
            return new PerfData(pid, arena, segment);
        } catch (IOException | RuntimeException e) {
            if (arena.scope().isAlive()) {
                arena.close();
            }
            throw e;
        }
    }

    /** The hsperfdata file of a pid, searched in every user's folder under the JVM's fixed temp dir. */
    public static Optional<Path> locate(long pid) {
        Path tmp = Path.of("/tmp");
        Path own = tmp.resolve("hsperfdata_" + System.getProperty("user.name")).resolve(Long.toString(pid));
        if (Files.isReadable(own)) {
            return Optional.of(own);
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(tmp, "hsperfdata_*")) {
            for (Path dir : dirs) {
                Path candidate = dir.resolve(Long.toString(pid));
                if (Files.isReadable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The pid whose counters these are. */
    public long pid() {
        return pid;
    }

    /** Current value of a long counter, or empty when the JVM has no counter of that name (yet). */
    public OptionalLong longValue(String name) {
        Entry entry = find(name);
        if (entry == null || entry.type() != TYPE_LONG || entry.vectorLength() != 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(data.get(longLayout, entry.dataOffset()));
    }

    /**
     * A tick counter converted to seconds with the JVM's {@code sun.os.hrt.frequency}; counters in
     * other units are returned unchanged.
     */
    public OptionalDouble seconds(String name) {
        Entry entry = find(name);
        OptionalLong raw = longValue(name);
        if (raw.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (entry.units() != UNITS_TICKS) {
            return OptionalDouble.of(raw.getAsLong());
        }
        long frequency = longValue("sun.os.hrt.frequency").orElse(1_000_000_000L);
        return OptionalDouble.of(raw.getAsLong() / (double) frequency);
    }

    /** A string counter (such as {@code sun.rt.javaCommand}), or empty. */
    public Optional<String> stringValue(String name) {
        Entry entry = find(name);
        if (entry == null || entry.type() != TYPE_BYTE || entry.vectorLength() == 0) {
            return Optional.empty();
        }
        byte[] bytes = data.asSlice(entry.dataOffset(), entry.vectorLength()).toArray(ValueLayout.JAVA_BYTE);
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return Optional.of(new String(bytes, 0, end, StandardCharsets.UTF_8));
    }

    /** Every long counter with its current raw value, in the JVM's order. */
    public synchronized Map<String, Long> longValues() {
        scanNewEntries();
        Map<String, Long> values = new LinkedHashMap<>();
        entries.forEach((name, entry) -> {
            if (entry.type() == TYPE_LONG && entry.vectorLength() == 0) {
                values.put(name, data.get(longLayout, entry.dataOffset()));
            }
        });
        return values;
    }

    private synchronized Entry find(String name) {
        Entry entry = entries.get(name);
        if (entry == null) {
            scanNewEntries();
            entry = entries.get(name);
        }
        return entry;
    }

    /**
     * Reads entries appended since the last scan. The JVM counts an entry before it writes it, so an entry whose
     * header or name is not written yet ends the scan, and the next scan reads it again.
     */
    private void scanNewEntries() {
        int count = data.get(intLayout, PROLOGUE_NUM_ENTRIES);
        while (entriesScanned < count && nextEntryOffset + ENTRY_HEADER <= data.byteSize()) {
            int start = nextEntryOffset;
            int length = data.get(intLayout, start);
            int nameOffset = data.get(intLayout, start + 4);
            int vectorLength = data.get(intLayout, start + 8);
            byte type = data.get(ValueLayout.JAVA_BYTE, start + 12);
            byte units = data.get(ValueLayout.JAVA_BYTE, start + 14);
            int dataOffset = data.get(intLayout, start + 16);
            if (length <= 0 || start + (long) length > data.byteSize() || nameOffset < ENTRY_HEADER
                    || dataOffset <= nameOffset || dataOffset > length) {
                return;
            }
            Optional<String> name = terminated(start + nameOffset, dataOffset - nameOffset);
            if (name.isEmpty()) {
                return;
            }
            entries.put(name.get(), new Entry(start + dataOffset, type, units, vectorLength));
            nextEntryOffset = start + length;
            entriesScanned++;
        }
    }

    /** The NUL-terminated, non-empty ASCII name within {@code length} bytes at {@code offset}, or empty. */
    private Optional<String> terminated(long offset, int length) {
        byte[] bytes = data.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE);
        for (int end = 0; end < bytes.length; end++) {
            if (bytes[end] == 0) {
                return end == 0 ? Optional.empty() : Optional.of(new String(bytes, 0, end, StandardCharsets.US_ASCII));
            }
        }
        return Optional.empty();
    }

    /** Unmaps the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (arena.scope().isAlive()) {
            arena.close();
        }
    }
}
