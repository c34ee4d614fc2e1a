package workbench.diagnostics.threads;

import java.util.List;
import java.util.Objects;

/**
 * One thread as seen in a {@link ThreadSnapshot}: identity, state, what it waits on and its stack.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="record"}
 *
 * @param id        the thread id ({@link Thread#threadId()})
 * @param name      the thread name, never null (empty when unnamed)
 * @param state     the thread state at the time of the snapshot
 * @param virtual   whether it is a virtual thread
 * @param blocker   class name of the lock, monitor or park blocker it waits on; null when it waits on nothing
 *                  (running, sleeping, or parked without a blocker)
 * @param waits     how many times it has waited or blocked since it started ({@code ThreadInfo}'s waited and
 *                  blocked counts together): a count that changed between two snapshots means it woke in between,
 *                  however briefly; -1 when the snapshot does not count them (a virtual thread, or a JSON thread
 *                  dump read from a file)
 * @param container the thread container that started it (an executor, for example) when the snapshot knows it;
 *                  null otherwise
 * @param stack     its frames, innermost first, as {@code class.method(file:line)}; empty when the snapshot
 *                  took no stacks
 */
public record ThreadRecord(long id, String name, Thread.State state, boolean virtual, String blocker, long waits,
                           String container, List<String> stack) {

    public ThreadRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        stack = List.copyOf(stack);
    }

    /**
     * The pool this thread belongs to: for a named thread its name with the trailing number replaced (see
     * {@link PoolNames#pool(String)}); for an unnamed thread that a container started, such as a virtual thread of
     * {@code Executors.newVirtualThreadPerTaskExecutor()}, the container itself, which names the executor.
     */
    public String pool() {
        return keyedByContainer() ? container : PoolNames.pool(name);
    }

    /**
     * The family of pools this thread belongs to: see {@link PoolNames#family(String)}; for an unnamed thread that
     * a container started, the container's class ({@code java.util.concurrent.ThreadPerTaskExecutor@*}).
     */
    public String family() {
        return keyedByContainer() ? PoolNames.familyOfContainer(container) : PoolNames.family(name);
    }

    private boolean keyedByContainer() {
        return name.isEmpty() && container != null;
    }

    /**
     * Where the thread's work comes from: the outermost frame of application code ({@code class.method}),
     * or null when the stack holds only JDK frames or was not taken. For a pool worker this is the task it
     * runs, which is as close to the creation site as a thread dump gets.
     */
    public String origin() {
        for (int i = stack.size() - 1; i >= 0; i--) {
            String frame = stack.get(i);
            if (!Frames.isInfrastructure(frame)) {
                return Frames.method(frame);
            }
        }
        return null;
    }

    /**
     * True when both snapshots counted this thread's waits and the count changed: it woke between them, even if it
     * waits again on the same kind of blocker now.
     */
    public boolean wokeSince(ThreadRecord earlier) {
        return waits >= 0 && earlier.waits >= 0 && waits != earlier.waits;
    }

    /** True when the thread waits without a time limit ({@code WAITING} or {@code BLOCKED}). */
    public boolean waitsIndefinitely() {
        return state == Thread.State.WAITING || state == Thread.State.BLOCKED;
    }
}
