package workbench.diagnostics.gc;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MalformedObjectNameException;
import javax.management.MBeanServerConnection;
import javax.management.Notification;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import workbench.diagnostics.target.Target;

/**
 * Trace lines from the collector MXBeans' notifications: immediate, in the current or an attached JVM, but
 * with durations in whole milliseconds. Pauses of ZGC and Shenandoah come from their {@code ... Pauses}
 * beans and are reported with the next cycle of the same collector.
 */
final class NotificationSource implements AutoCloseable {

    private final MBeanServerConnection connection;
    private final List<ObjectName> beans;
    private final Set<String> heapPools;
    private final PauseShare share;
    private final Consumer<GcTraceLine> sink;
    private final Map<String, Duration> pendingPauses = new HashMap<>();
    private final NotificationListener listener = (notification, handback) -> onNotification(notification);

    NotificationSource(Target target, Consumer<GcTraceLine> sink) throws IOException {
        this.connection = target.connection();
        this.sink = sink;
        this.heapPools = target.memoryPools().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(pool -> pool.getName())
                .collect(Collectors.toSet());
        this.share = new PauseShare(target.garbageCollectors());
        try {
            this.beans = List.copyOf(connection.queryNames(new ObjectName("java.lang:type=GarbageCollector,*"), null));
            for (ObjectName bean : beans) {
                connection.addNotificationListener(bean, listener, null, null);
            }
        } catch (MalformedObjectNameException | InstanceNotFoundException e) {
            throw new IllegalStateException("The JVM has no garbage collector MXBeans to listen to", e);
        }
    }

    private void onNotification(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        String name = info.getGcName();
        GcInfo gc = info.getGcInfo();
        Duration duration = Duration.ofMillis(gc.getDuration());
        Duration uptime = Duration.ofMillis(gc.getEndTime());
        String family = family(name);
        boolean concurrent = PauseShare.isConcurrentBean(name);
        Duration pause;
        synchronized (pendingPauses) {
            if (family.equals(name)) {
                pause = duration;
            } else if (!concurrent) {
                // A pause of ZGC or Shenandoah: counted now, reported with its cycle.
                pendingPauses.merge(family, duration, Duration::plus);
                share.add(duration, uptime);
                return;
            } else {
                pause = pendingPauses.getOrDefault(family, Duration.ZERO);
                pendingPauses.remove(family);
            }
        }
        double gcShare = concurrent ? share.add(Duration.ZERO, uptime) : share.add(pause, uptime);
        sink.accept(new GcTraceLine(gc.getId(), Collector.fromBeanName(name), name, info.getGcCause(),
                heap(gc.getMemoryUsageBeforeGc(), gc.getMemoryUsageAfterGc()), pause, duration, concurrent,
                uptime, gcShare));
    }

    /** {@code ZGC Major} for {@code ZGC Major Cycles} and {@code ZGC Major Pauses}; other names stay. */
    private static String family(String beanName) {
        if (beanName.endsWith(" Cycles")) {
            return beanName.substring(0, beanName.length() - " Cycles".length());
        }
        if (beanName.endsWith(" Pauses")) {
            return beanName.substring(0, beanName.length() - " Pauses".length());
        }
        return beanName;
    }

    private HeapChange heap(Map<String, MemoryUsage> before, Map<String, MemoryUsage> after) {
        long used = 0;
        long usedAfter = 0;
        long committed = 0;
        for (String pool : heapPools) {
            MemoryUsage b = before.get(pool);
            MemoryUsage a = after.get(pool);
            if (b != null && a != null) {
                used += b.getUsed();
                usedAfter += a.getUsed();
                committed += a.getCommitted();
            }
        }
        return new HeapChange(used, usedAfter, committed);
    }

    @Override
    public void close() {
        for (ObjectName bean : beans) {
            try {
                connection.removeNotificationListener(bean, listener);
            } catch (InstanceNotFoundException | ListenerNotFoundException e) {
                // Already gone with its JVM or removed before: nothing left to undo.
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop listening to " + bean, e);
            }
        }
    }
}
