package workbench.diagnostics.target;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
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
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Another local JVM, reached by attaching, starting its local management agent and connecting over JMX.
 * Bean proxies are created once; the pool and collector lists are fixed for the life of a JVM.
 */
final class AttachedTarget implements Target {

    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final String displayName;
    private final RuntimeMXBean runtime;
    private final MemoryMXBean memory;
    private final List<MemoryPoolMXBean> memoryPools;
    private final List<GarbageCollectorMXBean> garbageCollectors;
    private final ThreadMXBean threads;
    private final ClassLoadingMXBean classLoading;
    private final OperatingSystemMXBean operatingSystem;
    private final List<BufferPoolMXBean> bufferPools;
    private final CompilationMXBean compilation;

    private AttachedTarget(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
        this.runtime = bean(RuntimeMXBean.class);
        this.memory = bean(MemoryMXBean.class);
        this.memoryPools = List.copyOf(ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class));
        this.garbageCollectors =
                List.copyOf(ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class));
        this.threads = bean(ThreadMXBean.class);
        this.classLoading = bean(ClassLoadingMXBean.class);
        this.operatingSystem = bean(OperatingSystemMXBean.class);
        this.bufferPools = List.copyOf(ManagementFactory.getPlatformMXBeans(connection, BufferPoolMXBean.class));
        this.compilation = ManagementFactory.getPlatformMXBeans(connection, CompilationMXBean.class).stream()
                .findFirst()
                .orElse(null);
        this.displayName = DisplayNames.of(pid, runtime);
    }

    static AttachedTarget attach(long pid) throws IOException {
        String address = localManagementAddress(pid);
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        try {
            return new AttachedTarget(pid, connector);
        } catch (IOException | RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    /** Starts (or finds) the target's local JMX agent; the attach session is only needed for that. */
    private static String localManagementAddress(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to process " + pid
                    + " (is it a JVM run by this user, started without -XX:+DisableAttachMechanism?): "
                    + e.getMessage(), e);
        }
        try {
            return vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
    }

    private <T extends PlatformManagedObject> T bean(Class<T> type) throws IOException {
        return ManagementFactory.getPlatformMXBean(connection, type);
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean isCurrent() {
        return false;
    }

    @Override
    public MBeanServerConnection connection() {
        return connection;
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
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The other JVM may already be gone; there is nothing left to release.
        }
    }

    @Override
    public String toString() {
        return "attached JVM " + pid + " (" + displayName + ")";
    }
}
