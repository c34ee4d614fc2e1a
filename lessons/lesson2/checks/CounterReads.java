package lesson2.checks;

import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import javax.management.MBeanServer;
import javax.management.MBeanServerBuilder;
import javax.management.MBeanServerDelegate;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/**
 * Knows when the service's allocation counter ({@code TotalThreadAllocatedBytes} of the threading MXBean) was last
 * read over JMX, so that {@link SpikingService}'s spikes can begin right after a watcher's reading: the first tick
 * of the watcher's counter then holds nearly a whole tick of the spike, and a date one tick late is a whole tick
 * late, every time, rather than anywhere from nothing to a tick.
 *
 * <p>It is the service's MBean server builder ({@value #PROPERTY}): the platform MBean server it builds passes every
 * call through and notes each one that read the counter, once the value is read.
 */
public final class CounterReads extends MBeanServerBuilder {

    static final String PROPERTY = "javax.management.builder.initial";
    private static final String COUNTER = "TotalThreadAllocatedBytes";
    private static final ObjectName THREADING = threading();
    /** Long enough for a watcher that reads every 100 ms or so; one that never reads does not hold spikes back. */
    private static final long PATIENCE_MILLIS = 300;
    private static final Object READ = new Object();
    private static long reads;

    /** Returns once the counter has been read again, or after {@value #PATIENCE_MILLIS} ms without a reading. */
    static void awaitNextRead() throws InterruptedException {
        synchronized (READ) {
            long seen = reads;
            long deadline = System.nanoTime() + PATIENCE_MILLIS * 1_000_000;
            for (long left = PATIENCE_MILLIS; reads == seen && left > 0;
                 left = (deadline - System.nanoTime()) / 1_000_000) {
                READ.wait(left);
            }
        }
    }

    private static ObjectName threading() {
        try {
            return new ObjectName(ManagementFactory.THREAD_MXBEAN_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public MBeanServer newMBeanServer(String defaultDomain, MBeanServer outer, MBeanServerDelegate delegate) {
        Forwarder forwarder = new Forwarder();
        MBeanServer noting = (MBeanServer) Proxy.newProxyInstance(MBeanServer.class.getClassLoader(),
                new Class<?>[] {MBeanServer.class}, forwarder);
        forwarder.server = super.newMBeanServer(defaultDomain, outer == null ? noting : outer, delegate);
        return noting;
    }

    private static final class Forwarder implements InvocationHandler {

        private MBeanServer server;

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            try {
                Object result = method.invoke(server, args);
                if (readsCounter(method, args)) {
                    synchronized (READ) {
                        reads++;
                        READ.notifyAll();
                    }
                }
                return result;
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private static boolean readsCounter(Method method, Object[] args) {
            return method.getName().startsWith("getAttribute") && THREADING.equals(args[0])
                    && (COUNTER.equals(args[1]) || args[1] instanceof String[] names
                    && Arrays.asList(names).contains(COUNTER));
        }
    }
}
