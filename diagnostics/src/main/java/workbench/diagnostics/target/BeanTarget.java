package workbench.diagnostics.target;

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

/** A target that answers for its beans from a {@link PlatformBeans} looked up when it was made. */
abstract sealed class BeanTarget implements Target permits CurrentTarget, AttachedTarget {

    private final PlatformBeans beans;

    BeanTarget(PlatformBeans beans) {
        this.beans = beans;
    }

    @Override
    public RuntimeMXBean runtime() {
        return beans.runtime();
    }

    @Override
    public MemoryMXBean memory() {
        return beans.memory();
    }

    @Override
    public List<MemoryPoolMXBean> memoryPools() {
        return beans.memoryPools();
    }

    @Override
    public List<GarbageCollectorMXBean> garbageCollectors() {
        return beans.garbageCollectors();
    }

    @Override
    public ThreadMXBean threads() {
        return beans.threads();
    }

    @Override
    public ClassLoadingMXBean classLoading() {
        return beans.classLoading();
    }

    @Override
    public OperatingSystemMXBean operatingSystem() {
        return beans.operatingSystem();
    }

    @Override
    public List<BufferPoolMXBean> bufferPools() {
        return beans.bufferPools();
    }

    @Override
    public CompilationMXBean compilation() {
        return beans.compilation();
    }
}
