package workbench.diagnostics.heap;

/** Maps object ids of a heap dump to dense indexes 0..n-1, without boxing (open addressing). */
final class LongIndex {

    private static final long EMPTY = 0;  // HPROF never uses 0 as an object id: it is the null reference

    private long[] keys = new long[1 << 16];
    private int[] values = new int[1 << 16];
    private int size;

    /** The index of the id, assigning the next free one when the id is new. */
    int add(long id) {
        if (size * 2 >= keys.length) {
            grow();
        }
        int slot = slotOf(id, keys);
        if (keys[slot] == EMPTY) {
            keys[slot] = id;
            values[slot] = size++;
        }
        return values[slot];
    }

    /** The index of the id, or -1 when it is not a known object. */
    int get(long id) {
        if (id == EMPTY) {
            return -1;
        }
        int slot = slotOf(id, keys);
        return keys[slot] == EMPTY ? -1 : values[slot];
    }

    int size() {
        return size;
    }

    private static int slotOf(long id, long[] table) {
        int mask = table.length - 1;
        int slot = Long.hashCode(id * 0x9E3779B97F4A7C15L) & mask;
        while (table[slot] != EMPTY && table[slot] != id) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int slot = slotOf(oldKeys[i], keys);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }
}
