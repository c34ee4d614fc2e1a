package workbench.harness;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;

/** The platform threads of the JVM running a check, as a check compares them before and after the learner's code. */
public final class LiveThreads {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private LiveThreads() {}

    /** The live threads by id, with their names; read without stacks, so without stopping the JVM. */
    public static Map<Long, String> byId() {
        Map<Long, String> live = new LinkedHashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null) {   // ended between the two calls
                live.put(info.getThreadId(), info.getThreadName());
            }
        }
        return live;
    }
}
