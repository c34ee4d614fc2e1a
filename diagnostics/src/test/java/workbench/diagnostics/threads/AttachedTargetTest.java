package workbench.diagnostics.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.target.Target;

/** Snapshots and the leak profile of another JVM, reached by pid through the Attach API and JMX. */
class AttachedTargetTest {

    private static Process child;
    private static Target target;

    @BeforeAll
    static void startChild() throws IOException {
        child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx64m", "-cp",
                System.getProperty("java.class.path"), ChildWithBlockedThreads.class.getName())
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        while ((line = output.readLine()) != null && !line.equals(ChildWithBlockedThreads.READY)) {
            // skip anything the child prints before it is ready
        }
        target = Target.attach(child.pid());
    }

    @AfterAll
    static void stopChild() {
        if (target != null) {
            target.close();
        }
        child.destroyForcibly();
    }

    @Test
    void threadMxBeanSnapshotSeesPlatformThreadsOnly() {
        ThreadSnapshot snapshot = ThreadSnapshots.of(target);

        assertEquals(Map.of(Thread.State.WAITING, 3), snapshot.group(Grouping.POOL, "kept-worker-*").states());
        assertEquals(0, snapshot.group(Grouping.POOL, "kept-virtual-*").count());
    }

    @Test
    void jsonDumpSeesVirtualThreadsToo() {
        ThreadSnapshot snapshot = ThreadSnapshots.dump(target);

        assertEquals(Map.of(Thread.State.WAITING, 3), snapshot.group(Grouping.POOL, "kept-worker-*").states());
        List<ThreadRecord> virtual = snapshot.groupBy(Grouping.POOL).get("kept-virtual-*");
        assertEquals(1, virtual.size());
        assertTrue(virtual.getFirst().virtual());
    }

    @Test
    void leakProfileOfAnotherJvm() throws IOException {
        LeakProfile profile = LeakProfile.take(target);

        assertEquals(Map.of("orphan-consumer-*", 2), profile.leakedByPool(), profile.leaked().toString());
    }
}
