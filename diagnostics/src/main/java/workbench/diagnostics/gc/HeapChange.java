package workbench.diagnostics.gc;

/**
 * Heap occupancy before and after a collection, as the log's {@code 45M->12M(64M)} says it.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="cycles"}
 *
 * @param before    bytes in use before
 * @param after     bytes in use after
 * @param committed bytes committed for the heap afterwards, or -1 when the record does not say
 *                  (ZGC prints percentages of the maximum instead)
 */
public record HeapChange(long before, long after, long committed) {

    /** Bytes the collection freed; negative when the heap grew during a concurrent cycle. */
    public long freed() {
        return before - after;
    }

    /** The {@code 45M->12M(64M)} form, in whole mebibytes as the JVM prints it. */
    @Override
    public String toString() {
        String change = mib(before) + "->" + mib(after);
        return committed < 0 ? change : change + "(" + mib(committed) + ")";
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + "M";
    }
}
