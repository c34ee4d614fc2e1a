package workbench.diagnostics.gc;

/**
 * What a GC log record describes. Only the first four stop the application; a concurrent cycle or phase
 * runs beside it, however long it takes.
 *
 * {@snippet class="workbench.diagnostics.snippets.GcSnippets" region="cycles"}
 */
public enum GcKind {
    /** A stop-the-world collection of the young generation. */
    YOUNG(true),
    /** A G1 pause that collects young and some old regions. */
    MIXED(true),
    /** A stop-the-world collection of the whole heap. */
    FULL(true),
    /** One stop-the-world step of a concurrent collection (G1 Remark, ZGC Mark Start, Shenandoah Init Mark). */
    PAUSE_PHASE(true),
    /** A whole concurrent collection: G1's mark cycle, a ZGC or Shenandoah cycle. Not a pause. */
    CONCURRENT_CYCLE(false),
    /** One step of a concurrent collection that runs beside the application. Not a pause. */
    CONCURRENT_PHASE(false);

    private final boolean pause;

    GcKind(boolean pause) {
        this.pause = pause;
    }

    /** Whether application threads were stopped for the record's whole duration. */
    public boolean isPause() {
        return pause;
    }
}
