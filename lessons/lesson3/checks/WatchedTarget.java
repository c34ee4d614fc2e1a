package lesson3.checks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import workbench.diagnostics.target.Target;

/**
 * The target a check hands the learner's code: the same JVM, plus a count of the times the code asked it for its
 * threads or its MBean server, so that feedback can tell "looked at the wrong JVM" from "looked wrongly", and
 * something to do when it first asks, or once it has written its first JSON thread dump, so that the service can
 * change while the code watches it. Closing it leaves the check's connection open, and is recorded: the code was
 * handed the target, so it is not the code's to close.
 */
final class WatchedTarget implements Target {

    /** The operation of the JVM's diagnostic bean that writes a thread dump, as {@code ThreadSnapshots.dump} asks. */
    private static final String DUMP_THREADS = "dumpThreads";

    private final Target target;
    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicBoolean dumped = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable onFirstAsk;
    private final Runnable afterFirstDump;

    WatchedTarget(Target target) {
        this(target, () -> { });
    }

    WatchedTarget(Target target, Runnable onFirstAsk) {
        this(target, onFirstAsk, () -> { });
    }

    WatchedTarget(Target target, Runnable onFirstAsk, Runnable afterFirstDump) {
        this.target = target;
        this.onFirstAsk = onFirstAsk;
        this.afterFirstDump = afterFirstDump;
    }

    /** How many times the learner's code asked this target for its ThreadMXBean or its MBean server so far. */
    int asks() {
        return asked.get();
    }

    @Override
    public long pid() {
        return target.pid();
    }

    @Override
    public String displayName() {
        return target.displayName();
    }

    @Override
    public boolean isCurrent() {
        return target.isCurrent();
    }

    @Override
    public MBeanServerConnection connection() {
        ask();
        MBeanServerConnection connection = target.connection();
        return (MBeanServerConnection) Proxy.newProxyInstance(MBeanServerConnection.class.getClassLoader(),
                new Class<?>[] {MBeanServerConnection.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("invoke") && DUMP_THREADS.equals(args[1])
                            && !dumped.getAndSet(true)) {
                        afterFirstDump.run();
                    }
                    return result;
                });
    }

    @Override
    public RuntimeMXBean runtime() {
        return target.runtime();
    }

    @Override
    public MemoryMXBean memory() {
        return target.memory();
    }

    @Override
    public List<MemoryPoolMXBean> memoryPools() {
        return target.memoryPools();
    }

    @Override
    public List<GarbageCollectorMXBean> garbageCollectors() {
        return target.garbageCollectors();
    }

    @Override
    public ThreadMXBean threads() {
        ask();
        return target.threads();
    }

    @Override
    public ClassLoadingMXBean classLoading() {
        return target.classLoading();
    }

    @Override
    public OperatingSystemMXBean operatingSystem() {
        return target.operatingSystem();
    }

    @Override
    public List<BufferPoolMXBean> bufferPools() {
        return target.bufferPools();
    }

    @Override
    public CompilationMXBean compilation() {
        return target.compilation();
    }

    private void ask() {
        if (asked.getAndIncrement() == 0) {
            onFirstAsk.run();
        }
    }

    /** Whether the learner's code closed this target, which only its caller may. */
    boolean closed() {
        return closed.get();
    }

    @Override
    public void close() {
        // the check owns the connection and closes it when it is done
        closed.set(true);
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
