package workbench.diagnostics.target;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;

/**
 * A JVM we observe: the current one, or another local JVM reached through the Attach API and JMX.
 *
 * <p>Both kinds offer the same platform MXBeans, so every reader in the library works on either.
 * For the current JVM the beans are the real objects; for an attached JVM they are JMX proxies,
 * and every getter is a round trip to the other process.
 *
 * {@snippet class="workbench.diagnostics.snippets.TargetSnippets" region="targets"}
 *
 * <p>Closing the current target does nothing; closing an attached target closes its JMX connection,
 * after which calls on its beans fail with {@link java.lang.reflect.UndeclaredThrowableException}.
 */
public interface Target extends AutoCloseable {

    /** The JVM this code runs in. Always the same instance; {@link #close()} on it is a no-op. */
    static Target current() {
        return CurrentTarget.INSTANCE;
    }

    /**
     * Attaches to a local JVM run by the same user, starts its local management agent if it is not
     * running yet, and connects to it over JMX. Attaching to this JVM's own pid returns {@link #current()}.
     *
     * @param pid the process id, as shown by {@code jps} or {@code ProcessHandle.pid()}
     * @throws IOException when the process does not exist, is not a JVM, refuses attach
     *     ({@code -XX:+DisableAttachMechanism}) or belongs to another user
     */
    static Target attach(long pid) throws IOException {
        if (pid == ProcessHandle.current().pid()) {
            return current();
        }
        return AttachedTarget.attach(pid);
    }

    /** Process id of the observed JVM. */
    long pid();

    /** Human-readable name: the main class or jar and its arguments, as {@code jps -l} shows it. */
    String displayName();

    /** Whether this target is the JVM running this code. */
    boolean isCurrent();

    /** The MBean server of the observed JVM, for MBeans beyond the platform ones. */
    MBeanServerConnection connection();

    /** Uptime, input arguments, system properties. */
    RuntimeMXBean runtime();

    /** Heap and non-heap totals; {@code gc()} asks for a full collection. */
    MemoryMXBean memory();

    /** Memory pools (heap and non-heap), in the order the JVM lists them. */
    List<MemoryPoolMXBean> memoryPools();

    /** Garbage collectors, as the JVM names them (for example "G1 Young Generation"). */
    List<GarbageCollectorMXBean> garbageCollectors();

    /** Threads, with HotSpot's extensions (allocated bytes, CPU time). */
    ThreadMXBean threads();

    /** Loaded and unloaded class counts. */
    ClassLoadingMXBean classLoading();

    /** The operating system as seen by the JVM, with HotSpot's extensions (process CPU time and load). */
    OperatingSystemMXBean operatingSystem();

    /** Direct and mapped buffer pools. */
    List<BufferPoolMXBean> bufferPools();

    /** The JIT compiler, or {@code null} when the JVM runs interpreted only. */
    CompilationMXBean compilation();

    /** Releases the connection to an attached JVM; no-op for the current JVM. Idempotent. */
    @Override
    void close();
}
