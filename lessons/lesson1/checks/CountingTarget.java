package lesson1.checks;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.PlatformManagedObject;
import java.lang.management.RuntimeMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.management.MBeanServerConnection;
import workbench.diagnostics.target.Target;

/**
 * An attached target that counts its round trips for values: every {@code getAttribute}, {@code getAttributes} and
 * {@code invoke}, whether through {@link #connection()} or a platform bean. Each is answered by the other process at
 * its own moment. Closing it closes the target it wraps.
 */
final class CountingTarget implements Target {

    private static final Set<String> VALUE_CALLS = Set.of("getAttribute", "getAttributes", "invoke");

    private final Target attached;
    private final AtomicInteger roundTrips = new AtomicInteger();
    private final MBeanServerConnection connection;
    private final Map<Class<?>, List<?>> beans = new ConcurrentHashMap<>();

    CountingTarget(Target attached) {
        this.attached = attached;
        MBeanServerConnection real = attached.connection();
        this.connection = (MBeanServerConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {MBeanServerConnection.class}, (proxy, method, args) -> {
                    if (VALUE_CALLS.contains(method.getName())) {
                        roundTrips.incrementAndGet();
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Round trips for values so far. */
    int roundTrips() {
        return roundTrips.get();
    }

    @Override
    public long pid() {
        return attached.pid();
    }

    @Override
    public String displayName() {
        return attached.displayName();
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
        return one(RuntimeMXBean.class);
    }

    @Override
    public MemoryMXBean memory() {
        return one(MemoryMXBean.class);
    }

    @Override
    public List<MemoryPoolMXBean> memoryPools() {
        return all(MemoryPoolMXBean.class);
    }

    @Override
    public List<GarbageCollectorMXBean> garbageCollectors() {
        return all(GarbageCollectorMXBean.class);
    }

    @Override
    public ThreadMXBean threads() {
        return one(ThreadMXBean.class);
    }

    @Override
    public ClassLoadingMXBean classLoading() {
        return one(ClassLoadingMXBean.class);
    }

    @Override
    public OperatingSystemMXBean operatingSystem() {
        return one(OperatingSystemMXBean.class);
    }

    @Override
    public List<BufferPoolMXBean> bufferPools() {
        return all(BufferPoolMXBean.class);
    }

    @Override
    public CompilationMXBean compilation() {
        return attached.compilation() == null ? null : one(CompilationMXBean.class);
    }

    @Override
    public void close() {
        attached.close();
    }

    /** The JVM's one bean of a kind, as a proxy whose calls the counting connection sees. */
    private <T extends PlatformManagedObject> T one(Class<T> kind) {
        return all(kind).getFirst();
    }

    /** The JVM's beans of a kind, looked up once (a lookup asks for no value), as proxies that count. */
    @SuppressWarnings("unchecked")
    private <T extends PlatformManagedObject> List<T> all(Class<T> kind) {
        return (List<T>) beans.computeIfAbsent(kind, k -> {
            try {
                return ManagementFactory.getPlatformMXBeans(connection, kind);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
