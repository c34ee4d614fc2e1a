package workbench.diagnostics.vars;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * How long each collection of this JVM took, by collector, counted from the JVM's GC notifications since this was
 * created: the distribution a histogram's buckets need, where the collector beans give only a count and a total.
 */
final class GcDurations implements AutoCloseable {

    /** The OpenTelemetry Java agent's bucket bounds for {@code jvm.gc.duration}, in seconds. */
    static final double[] BOUNDS = {0.01, 0.1, 1, 10};

    /** One collector's collections: how many fell at or under each bound and above the last, and their sum. */
    record Distribution(long[] buckets, double sumSeconds) {

        static Distribution none() {
            return new Distribution(new long[BOUNDS.length + 1], 0);
        }
    }

    private final Map<String, Distribution> byCollector = new ConcurrentHashMap<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::collected;

    GcDurations() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (collector instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The collections of the collector of that name since this was created; none yet gives empty buckets. */
    Distribution of(String collector) {
        return byCollector.getOrDefault(collector, Distribution.none());
    }

    private void collected(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        double seconds = info.getGcInfo().getDuration() / 1000.0;
        int bucket = 0;
        while (bucket < BOUNDS.length && seconds > BOUNDS[bucket]) {
            bucket++;
        }
        int at = bucket;
        byCollector.compute(info.getGcName(), (name, before) -> {
            Distribution was = before != null ? before : Distribution.none();
            long[] buckets = was.buckets().clone();
            buckets[at]++;
            return new Distribution(buckets, was.sumSeconds() + seconds);
        });
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (ListenerNotFoundException alreadyRemoved) {
                // closed twice: nothing left to remove
            }
        }
        emitters.clear();
    }
}
