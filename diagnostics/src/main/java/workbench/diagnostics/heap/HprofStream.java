package workbench.diagnostics.heap;

import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A forward-only reader of the HPROF format (JDK's {@code JAVA PROFILE 1.0.x}), limited to the records a
 * reachability analysis needs. Everything else (stack traces, primitive array contents, constant pools of
 * values) is skipped. One call of {@link #read} is one pass over the file, which is mapped into memory
 * (dumps up to 2 GB).
 */
final class HprofStream {

    /** What a pass wants to see; the default of every method skips nothing it was not asked for. */
    interface Visitor {
        default boolean wantsObjects() {
            return false;
        }

        default void string(long id, String value) {
        }

        default void loadClass(long classId, long nameId) {
        }

        /**
         * A GC root. {@code threadSerial} is 0 for roots that belong to no thread; {@code frame} is, for a Java frame
         * or JNI local root, the depth of its frame in the thread's stack (0: the innermost), and -1 otherwise.
         */
        default void root(int subTag, long objectId, int threadSerial, int frame) {
        }

        default void classDump(long id, long superId, long[] otherRefs, long[] staticRefs, long[] fieldNameIds,
                               byte[] fieldTypes) {
        }

        /** {@code fields}: the instance's field values, valid only during the call. */
        default void instance(long id, long classId, ByteBuffer fields) {
        }

        default void objectArray(long id, long arrayClassId, long[] elements) {
        }
    }

    static final int ROOT_JAVA_FRAME = 0x03;
    static final int ROOT_THREAD_OBJECT = 0x08;
    static final int OBJECT_TYPE = 2;

    private static final String MAGIC_PREFIX = "JAVA PROFILE 1.0.";

    private final ByteBuffer in;
    private int idSize;

    private HprofStream(ByteBuffer in) {
        this.in = in;
    }

    /** Reads the whole file once, reporting to the visitor. */
    static void read(Path file, Visitor visitor) throws IOException {
        try {
            new HprofStream(map(file)).readAll(visitor);
        } catch (BufferUnderflowException e) {
            throw new IOException("the heap dump " + file + " ends in the middle of a record", e);
        }
    }

    private static ByteBuffer map(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() > Integer.MAX_VALUE) {
                throw new IOException("heap dumps over 2 GB are not supported: " + file);
            }
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
        }
    }

    /** Size in bytes of a field or array element of the given HPROF basic type. */
    static int sizeOf(int type, int idSize) {
        return switch (type) {
            case OBJECT_TYPE -> idSize;
            case 4, 8 -> 1;      // boolean, byte
            case 5, 9 -> 2;      // char, short
            case 6, 10 -> 4;     // float, int
            case 7, 11 -> 8;     // double, long
            default -> throw new IllegalStateException("unknown HPROF basic type " + type);
        };
    }

    /** The identifier size in bytes (4 or 8) written in the file's header. */
    static int idSizeOf(Path file) throws IOException {
        HprofStream stream = new HprofStream(map(file));
        try {
            stream.readHeader();
        } catch (BufferUnderflowException e) {
            throw new IOException("not an HPROF heap dump: " + file, e);
        }
        return stream.idSize;
    }

    private void readHeader() throws IOException {
        StringBuilder magic = new StringBuilder();
        for (int b = in.get() & 0xFF; b != 0; b = in.get() & 0xFF) {
            magic.append((char) b);
            if (magic.length() > 32) {
                break;
            }
        }
        if (!magic.toString().startsWith(MAGIC_PREFIX)) {
            throw new IOException("not an HPROF heap dump (header \"" + magic + "\")");
        }
        idSize = in.getInt();
        if (idSize != 4 && idSize != 8) {
            throw new IOException("unsupported HPROF identifier size " + idSize);
        }
        in.getLong();  // timestamp
    }

    private void readAll(Visitor visitor) throws IOException {
        readHeader();
        while (in.hasRemaining()) {
            int tag = in.get() & 0xFF;
            in.getInt();  // microseconds since the header's timestamp
            long length = in.getInt() & 0xFFFF_FFFFL;
            switch (tag) {
                case 0x01 -> {
                    long id = readId();
                    byte[] utf8 = new byte[(int) (length - idSize)];
                    in.get(utf8);
                    visitor.string(id, new String(utf8, StandardCharsets.UTF_8));
                }
                case 0x02 -> {
                    in.getInt();  // class serial
                    long classId = readId();
                    in.getInt();  // stack trace serial
                    visitor.loadClass(classId, readId());
                }
                case 0x0C, 0x1C -> readHeapDump(length, visitor);
                default -> skip(length);
            }
        }
    }

    private void readHeapDump(long length, Visitor visitor) throws IOException {
        long remaining = length;
        while (remaining > 0) {
            int subTag = in.get() & 0xFF;
            remaining -= 1 + readSubRecord(subTag, visitor);
        }
    }

    /** Reads one heap dump sub-record and returns how many bytes its body took. */
    private long readSubRecord(int subTag, Visitor visitor) throws IOException {
        switch (subTag) {
            case 0xFF, 0x05, 0x07 -> {  // unknown, sticky class, monitor used
                visitor.root(subTag, readId(), 0, -1);
                return idSize;
            }
            case 0x01 -> {  // JNI global: object, then the global reference's own id
                visitor.root(subTag, readId(), 0, -1);
                readId();
                return 2L * idSize;
            }
            case 0x02, ROOT_JAVA_FRAME -> {  // JNI local, Java frame: object, thread serial, frame depth
                long id = readId();
                int thread = in.getInt();
                visitor.root(subTag, id, thread, in.getInt());
                return idSize + 8L;
            }
            case 0x04, 0x06 -> {  // native stack, thread block: object, thread serial
                long id = readId();
                visitor.root(subTag, id, in.getInt(), -1);
                return idSize + 4L;
            }
            case ROOT_THREAD_OBJECT -> {  // thread object, thread serial, stack trace serial
                long id = readId();
                int thread = in.getInt();
                in.getInt();
                visitor.root(subTag, id, thread, -1);
                return idSize + 8L;
            }
            case 0x20 -> {
                return readClassDump(visitor);
            }
            case 0x21 -> {
                long id = readId();
                in.getInt();  // stack trace serial
                long classId = readId();
                int size = in.getInt();
                if (visitor.wantsObjects()) {
                    visitor.instance(id, classId, in.slice(in.position(), size));
                }
                skip(size);
                return 2L * idSize + 8 + size;
            }
            case 0x22 -> {
                long id = readId();
                in.getInt();  // stack trace serial
                int count = in.getInt();
                long classId = readId();
                if (visitor.wantsObjects()) {
                    long[] elements = new long[count];
                    for (int i = 0; i < count; i++) {
                        elements[i] = readId();
                    }
                    visitor.objectArray(id, classId, elements);
                } else {
                    skip((long) count * idSize);
                }
                return 2L * idSize + 8 + (long) count * idSize;
            }
            case 0x23 -> {
                readId();
                in.getInt();  // stack trace serial
                int count = in.getInt();
                int type = (in.get() & 0xFF);
                long bytes = (long) count * sizeOf(type, idSize);
                skip(bytes);
                return idSize + 9 + bytes;
            }
            case 0xFE -> {  // heap dump info (Android): heap id, heap name
                in.getInt();
                readId();
                return 4L + idSize;
            }
            default -> throw new IOException("unknown HPROF heap dump sub-record 0x" + Integer.toHexString(subTag));
        }
    }

    private long readClassDump(Visitor visitor) throws IOException {
        long id = readId();
        in.getInt();  // stack trace serial
        long superId = readId();
        long[] otherRefs = {readId(), readId(), readId()};  // class loader, signers, protection domain
        readId();
        readId();      // two reserved ids
        in.getInt();  // instance size
        long bytes = 7L * idSize + 8;
        int constants = (in.getShort() & 0xFFFF);
        bytes += 2;
        for (int i = 0; i < constants; i++) {
            in.getShort();
            int type = (in.get() & 0xFF);
            int size = sizeOf(type, idSize);
            skip(size);
            bytes += 3 + size;
        }
        int statics = (in.getShort() & 0xFFFF);
        bytes += 2;
        long[] staticRefs = new long[statics];
        int refs = 0;
        for (int i = 0; i < statics; i++) {
            readId();  // name
            int type = (in.get() & 0xFF);
            if (type == OBJECT_TYPE) {
                staticRefs[refs++] = readId();
            } else {
                skip(sizeOf(type, idSize));
            }
            bytes += idSize + 1 + sizeOf(type, idSize);
        }
        int fields = (in.getShort() & 0xFFFF);
        bytes += 2;
        long[] names = new long[fields];
        byte[] types = new byte[fields];
        for (int i = 0; i < fields; i++) {
            names[i] = readId();
            types[i] = (byte) (in.get() & 0xFF);
            bytes += idSize + 1;
        }
        visitor.classDump(id, superId, otherRefs, Arrays.copyOf(staticRefs, refs), names, types);
        return bytes;
    }

    private long readId() {
        return idSize == 4 ? in.getInt() & 0xFFFF_FFFFL : in.getLong();
    }

    private void skip(long bytes) {
        in.position(Math.toIntExact(in.position() + bytes));
    }
}
