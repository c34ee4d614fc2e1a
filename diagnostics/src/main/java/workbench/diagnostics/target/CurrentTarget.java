package workbench.diagnostics.target;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;

/** The running JVM: real MXBean objects, no JMX round trips. */
final class CurrentTarget implements Target {

    static final CurrentTarget INSTANCE = new CurrentTarget();

    // Looked up once: ManagementFactory searches its providers on every call, which costs microseconds.
    private final long pid = ProcessHandle.current().pid();
    private final RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<MemoryPoolMXBean> memoryPools = List.copyOf(ManagementFactory.getMemoryPoolMXBeans());
    private final List<GarbageCollectorMXBean> garbageCollectors =
            List.copyOf(ManagementFactory.getGarbageCollectorMXBeans());
    private final ThreadMXBean threads = ManagementFactory.getPlatformMXBean(ThreadMXBean.class);
    private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
    private final OperatingSystemMXBean operatingSystem =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private final List<BufferPoolMXBean> bufferPools =
            List.copyOf(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class));
    private final CompilationMXBean compilation = ManagementFactory.getCompilationMXBean();

    private CurrentTarget() {}

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String displayName() {
        return DisplayNames.of(runtime());
    }

    @Override
    public boolean isCurrent() {
        return true;
    }

    @Override
    public MBeanServerConnection connection() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    @Override
    public RuntimeMXBean runtime() {
        return runtime;
    }

    @Override
    public MemoryMXBean memory() {
        return memory;
    }

    @Override
    public List<MemoryPoolMXBean> memoryPools() {
        return memoryPools;
    }

    @Override
    public List<GarbageCollectorMXBean> garbageCollectors() {
        return garbageCollectors;
    }

    @Override
    public ThreadMXBean threads() {
        return threads;
    }

    @Override
    public ClassLoadingMXBean classLoading() {
        return classLoading;
    }

    @Override
    public OperatingSystemMXBean operatingSystem() {
        return operatingSystem;
    }

    @Override
    public List<BufferPoolMXBean> bufferPools() {
        return bufferPools;
    }

    @Override
    public CompilationMXBean compilation() {
        return compilation;
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "current JVM " + pid;
    }
}
