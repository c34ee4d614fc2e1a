package workbench.diagnostics.target;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.PlatformManagedObject;
import java.lang.management.RuntimeMXBean;
import java.util.List;
import javax.management.MBeanServerConnection;

/**
 * A JVM's platform MXBeans, looked up once: ManagementFactory searches its providers on every call, and
 * over JMX each lookup is a round trip. The pool and collector lists are fixed for the life of a JVM.
 */
record PlatformBeans(RuntimeMXBean runtime, MemoryMXBean memory, List<MemoryPoolMXBean> memoryPools,
                     List<GarbageCollectorMXBean> garbageCollectors, ThreadMXBean threads,
                     ClassLoadingMXBean classLoading, OperatingSystemMXBean operatingSystem,
                     List<BufferPoolMXBean> bufferPools, CompilationMXBean compilation) {

    /** This JVM's real bean objects. */
    static PlatformBeans local() {
        return new PlatformBeans(ManagementFactory.getRuntimeMXBean(), ManagementFactory.getMemoryMXBean(),
                List.copyOf(ManagementFactory.getMemoryPoolMXBeans()),
                List.copyOf(ManagementFactory.getGarbageCollectorMXBeans()),
                ManagementFactory.getPlatformMXBean(ThreadMXBean.class), ManagementFactory.getClassLoadingMXBean(),
                ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class),
                List.copyOf(ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)),
                ManagementFactory.getCompilationMXBean());
    }

    /**
     * Proxies for the beans of the JVM {@code pid} behind a JMX connection; a read after that JVM went away throws
     * {@link TargetGoneException}.
     */
    static PlatformBeans remote(MBeanServerConnection connection, long pid) throws IOException {
        return new PlatformBeans(
                one(connection, RuntimeMXBean.class, pid),
                one(connection, MemoryMXBean.class, pid),
                all(connection, MemoryPoolMXBean.class, pid),
                all(connection, GarbageCollectorMXBean.class, pid),
                one(connection, ThreadMXBean.class, pid),
                one(connection, ClassLoadingMXBean.class, pid),
                one(connection, OperatingSystemMXBean.class, pid),
                all(connection, BufferPoolMXBean.class, pid),
                all(connection, CompilationMXBean.class, pid).stream().findFirst().orElse(null));
    }

    private static <T extends PlatformManagedObject> T one(MBeanServerConnection connection, Class<T> type, long pid)
            throws IOException {
        return GoneGuard.guard(type, ManagementFactory.getPlatformMXBean(connection, type), pid);
    }

    private static <T extends PlatformManagedObject> List<T> all(MBeanServerConnection connection, Class<T> type,
                                                                 long pid) throws IOException {
        return ManagementFactory.getPlatformMXBeans(connection, type).stream()
                .map(bean -> GoneGuard.guard(type, bean, pid)).toList();
    }
}
