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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import workbench.diagnostics.target.Target;

/**
 * The target a check hands the learner's code: the same JVM, plus a count of the times the code asked it for its
 * threads or its MBean server, so that feedback can tell "looked at the wrong JVM" from "looked wrongly", and
 * something to do when it first asks, so that the service can change while the code watches it. Closing it leaves
 * the check's connection open.
 */
final class WatchedTarget implements Target {

    private final Target target;
    private final AtomicInteger asked = new AtomicInteger();
    private final Runnable onFirstAsk;

    WatchedTarget(Target target) {
        this(target, () -> { });
    }

    WatchedTarget(Target target, Runnable onFirstAsk) {
        this.target = target;
        this.onFirstAsk = onFirstAsk;
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
        return target.connection();
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

    @Override
    public void close() {
        // the check owns the connection and closes it when it is done
    }

    @Override
    public String toString() {
        return target.toString();
    }
}
