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

    /** Proxies for the beans of the JVM behind a JMX connection. */
    static PlatformBeans remote(MBeanServerConnection connection) throws IOException {
        return new PlatformBeans(
                ManagementFactory.getPlatformMXBean(connection, RuntimeMXBean.class),
                ManagementFactory.getPlatformMXBean(connection, MemoryMXBean.class),
                List.copyOf(ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class)),
                List.copyOf(ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class)),
                ManagementFactory.getPlatformMXBean(connection, ThreadMXBean.class),
                ManagementFactory.getPlatformMXBean(connection, ClassLoadingMXBean.class),
                ManagementFactory.getPlatformMXBean(connection, OperatingSystemMXBean.class),
                List.copyOf(ManagementFactory.getPlatformMXBeans(connection, BufferPoolMXBean.class)),
                ManagementFactory.getPlatformMXBeans(connection, CompilationMXBean.class).stream()
                        .findFirst().orElse(null));
    }
}
