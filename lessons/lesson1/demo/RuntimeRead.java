package lesson1.demo;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Ways a request handler can read this JVM's runtime state, cheap and expensive. Which of them stop the
 * world is left for the learner to measure; that is the point of lesson 1.
 *
 * <pre>{@code
 * RuntimeRead.THREAD_STACKS.read();            // one call, as a request handler would make it
 * RuntimeRead.THREAD_STACKS.describe();        // "ThreadMXBean.getThreadInfo(ids, Integer.MAX_VALUE)"
 * }</pre>
 */
public enum RuntimeRead {

    HEAP_USAGE("MemoryMXBean.getHeapMemoryUsage()") {
        @Override
        public Object read() {
            return MEMORY.getHeapMemoryUsage();
        }
    },
    MBEAN_ATTRIBUTE("MBeanServer.getAttribute(java.lang:type=Memory, HeapMemoryUsage)") {
        @Override
        public Object read() {
            try {
                return SERVER.getAttribute(MEMORY_NAME, "HeapMemoryUsage");
            } catch (JMException e) {
                throw new IllegalStateException(e);
            }
        }
    },
    PROCESS_CPU_LOAD("OperatingSystemMXBean.getProcessCpuLoad()") {
        @Override
        public Object read() {
            return OS.getProcessCpuLoad();
        }
    },
    THREAD_STATES("ThreadMXBean.getThreadInfo(ids)") {
        @Override
        public Object read() {
            return THREADS.getThreadInfo(THREADS.getAllThreadIds());
        }
    },
    THREAD_STACKS("ThreadMXBean.getThreadInfo(ids, Integer.MAX_VALUE)") {
        @Override
        public Object read() {
            return THREADS.getThreadInfo(THREADS.getAllThreadIds(), Integer.MAX_VALUE);
        }
    },
    THREAD_DUMP("ThreadMXBean.dumpAllThreads(false, false)") {
        @Override
        public Object read() {
            return THREADS.dumpAllThreads(false, false);
        }
    },
    FULL_THREAD_DUMP("ThreadMXBean.dumpAllThreads(true, true)") {
        @Override
        public Object read() {
            return THREADS.dumpAllThreads(true, true);
        }
    },
    DEADLOCK_SCAN("ThreadMXBean.findDeadlockedThreads()") {
        @Override
        public Object read() {
            return THREADS.findDeadlockedThreads();
        }
    },
    /** A "clean" heap figure: a full collection asked for first, as some health checks do. */
    COLLECTED_HEAP_USAGE("MemoryMXBean.gc(), then getHeapMemoryUsage()") {
        @Override
        public Object read() {
            MEMORY.gc();
            return MEMORY.getHeapMemoryUsage();
        }
    };

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean OS =
            ManagementFactory.getPlatformMXBean(OperatingSystemMXBean.class);
    private static final MBeanServer SERVER = ManagementFactory.getPlatformMBeanServer();
    private static final ObjectName MEMORY_NAME = objectName("java.lang:type=Memory");

    private final String call;

    RuntimeRead(String call) {
        this.call = call;
    }

    /** Performs the read once and returns what it read (so that the JIT cannot drop the call). */
    public abstract Object read();

    /** The JDK call behind this read. */
    public String describe() {
        return call;
    }

    private static ObjectName objectName(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
