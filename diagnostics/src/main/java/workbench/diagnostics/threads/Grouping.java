package workbench.diagnostics.threads;

import java.util.function.Function;

/**
 * How threads are grouped in a {@link ThreadSnapshot}.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="snapshot"}
 */
public enum Grouping {
    /** By pool: the name with its trailing number replaced ({@code pool-3-thread-*}). */
    POOL(ThreadRecord::pool),
    /** By family: the name with every number replaced ({@code pool-*-thread-*}). */
    FAMILY(ThreadRecord::family),
    /** By the outermost application frame, the task the thread runs; {@code <jdk>} when there is none. */
    ORIGIN(thread -> thread.origin() == null ? "<jdk>" : thread.origin()),
    /** By the thread container that started the thread, when the snapshot came from a JSON thread dump. */
    CONTAINER(thread -> thread.container() == null ? "<unknown>" : thread.container());

    private final Function<ThreadRecord, String> key;

    Grouping(Function<ThreadRecord, String> key) {
        this.key = key;
    }

    /** The group key of one thread. */
    public String keyOf(ThreadRecord thread) {
        return key.apply(thread);
    }
}
