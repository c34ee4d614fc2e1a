package workbench.diagnostics.threads;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import workbench.diagnostics.target.Target;

/**
 * Takes {@link ThreadSnapshot}s of the current JVM or of a {@link Target}.
 *
 * <p>Two sources, with different reach:
 * <ul>
 *   <li>{@link #of(Target)} and {@link #current()} read {@link ThreadMXBean#dumpAllThreads}: platform threads
 *       only, with the lock or park blocker each one waits on. Stacks bring every thread to a safepoint, so
 *       this is a diagnostic call, not something for a hot path; {@link #of(Target, int)} limits their depth.</li>
 *   <li>{@link #dump(Target)} and {@link #dump()} ask the JVM for its JSON thread dump
 *       ({@link HotSpotDiagnosticMXBean#dumpThreads}), which lists virtual threads too, with park blockers and
 *       the thread container (executor) that started each thread; platform threads' counts of waits come from the
 *       {@link ThreadMXBean}, read just before.</li>
 * </ul>
 *
 * {@snippet class="workbench.diagnostics.snippets.ThreadsSnippets" region="sources"}
 */
public final class ThreadSnapshots {

    private static final String DIAGNOSTIC_BEAN = "com.sun.management:type=HotSpotDiagnostic";

    private ThreadSnapshots() {
    }

    /** Platform threads of this JVM with full stacks. */
    public static ThreadSnapshot current() {
        return of(Target.current());
    }

    /** Platform threads of the target with full stacks. */
    public static ThreadSnapshot of(Target target) {
        return fromThreadInfos(target.threads().dumpAllThreads(false, false));
    }

    /**
     * Platform threads of the target with at most {@code maxDepth} frames each (0: no stacks, which also means
     * no {@link ThreadRecord#origin()}).
     */
    public static ThreadSnapshot of(Target target, int maxDepth) {
        ThreadMXBean bean = target.threads();
        return fromThreadInfos(bean.getThreadInfo(bean.getAllThreadIds(), maxDepth));
    }

    /** All threads of this JVM, virtual ones included, from its JSON thread dump. */
    public static ThreadSnapshot dump() {
        return dump(Target.current());
    }

    /**
     * All threads of the target, virtual ones included, from its JSON thread dump. The dump is written to a
     * temporary file (the target must run on this machine) that is deleted afterwards.
     *
     * @throws UncheckedIOException when the dump cannot be written or read
     */
    public static ThreadSnapshot dump(Target target) {
        Path file = null;
        try {
            Path dir = Files.createTempDirectory("thread-dump");
            file = dir.resolve("threads.json");
            Map<Long, Long> waits = waitsById(target.threads());
            dumpTo(target, file);
            return ThreadDumpJson.parse(Files.readString(file), waits);
        } catch (IOException e) {
            throw new UncheckedIOException("could not take a JSON thread dump of process " + target.pid(), e);
        } finally {
            deleteQuietly(file);
        }
    }

    /**
     * Writes the target's JSON thread dump, virtual threads included, to a new file, as {@code jcmd <pid>
     * Thread.dump_to_file -format=json} does; {@link #fromJson} reads it back. The target writes the file itself, so it
     * must run on this machine.
     *
     * @throws IOException when the file exists or cannot be written
     */
    public static void dumpTo(Target target, Path file) throws IOException {
        diagnosticBean(target).dumpThreads(file.toAbsolutePath().toString(),
                HotSpotDiagnosticMXBean.ThreadDumpFormat.JSON);
    }

    /**
     * Reads a JSON thread dump written by {@code jcmd <pid> Thread.dump_to_file -format=json}; its threads' counts of
     * waits are unknown (-1).
     */
    public static ThreadSnapshot fromJson(Path file) throws IOException {
        return ThreadDumpJson.parse(Files.readString(file), Map.of());
    }

    /** Each live platform thread's waited and blocked counts together, without stacks. */
    private static Map<Long, Long> waitsById(ThreadMXBean bean) {
        Map<Long, Long> waits = new HashMap<>();
        for (ThreadInfo info : bean.getThreadInfo(bean.getAllThreadIds(), 0)) {
            if (info != null) {
                waits.put(info.getThreadId(), waitsOf(info));
            }
        }
        return waits;
    }

    private static long waitsOf(ThreadInfo info) {
        return info.getWaitedCount() + info.getBlockedCount();
    }

    static HotSpotDiagnosticMXBean diagnosticBean(Target target) throws IOException {
        return target.isCurrent()
                ? ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                : ManagementFactory.newPlatformMXBeanProxy(target.connection(), DIAGNOSTIC_BEAN,
                        HotSpotDiagnosticMXBean.class);
    }

    private static ThreadSnapshot fromThreadInfos(ThreadInfo[] infos) {
        Instant taken = Instant.now();
        List<ThreadRecord> threads = new ArrayList<>(infos.length);
        for (ThreadInfo info : infos) {
            if (info != null) {  // a thread that ended between listing and reading
                threads.add(recordOf(info));
            }
        }
        return new ThreadSnapshot(taken, threads);
    }

    private static ThreadRecord recordOf(ThreadInfo info) {
        LockInfo lock = info.getLockInfo();
        List<String> stack = Arrays.stream(info.getStackTrace()).map(Frames::of).toList();
        return new ThreadRecord(info.getThreadId(), Objects.requireNonNullElse(info.getThreadName(), ""),
                info.getThreadState(), false, lock == null ? null : lock.getClassName(),
                waitsOf(info), null, stack);
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
        } catch (IOException ignored) {
            // a leftover file in the temp folder is harmless
        }
    }
}
