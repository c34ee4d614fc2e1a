package workbench.diagnostics.threads;

import java.util.regex.Pattern;

/**
 * Derives the pool a thread belongs to from its name.
 *
 * <p>Thread factories number their threads: {@code pool-3-thread-7}, {@code ForkJoinPool-1-worker-2},
 * {@code HttpClient-4-Worker-0}. The <em>pool</em> replaces the trailing number (or hexadecimal id, or UUID)
 * with {@code *}, so that the threads of one executor share a key ({@code pool-3-thread-*}). The
 * <em>family</em> replaces every number, so that many executors built the same way share a key
 * ({@code pool-*-thread-*}): that is how an executor created per request and never shut down shows up.
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="pools"}
 */
public final class PoolNames {

    private static final Pattern TRAILING_ID = Pattern.compile(
            "(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"  // UUID
                    + "|0x[0-9a-fA-F]+"                                                    // 0x1f3a
                    + "|(?=[0-9a-fA-F]*[0-9])[0-9a-fA-F]{8,}"                              // long hex id
                    + "|\\d+)$");
    private static final Pattern ANY_NUMBER = Pattern.compile("\\d+");
    private static final Pattern IDENTITY = Pattern.compile("@[0-9a-fA-F]+$");

    private PoolNames() {
    }

    /** The thread's name with its trailing number or id replaced by {@code *}; the name itself if none. */
    public static String pool(String threadName) {
        if (threadName == null || threadName.isEmpty()) {
            return "<unnamed>";
        }
        return TRAILING_ID.matcher(threadName).replaceFirst("*");
    }

    /** The thread's pool with every remaining number replaced by {@code *} as well. */
    public static String family(String threadName) {
        return ANY_NUMBER.matcher(pool(threadName)).replaceAll("*");
    }

    /** A thread container's name ({@code java.util.concurrent.ThreadPerTaskExecutor@1b6d3586}) without its identity. */
    static String familyOfContainer(String container) {
        return IDENTITY.matcher(container).replaceFirst("@*");
    }
}
