package workbench.diagnostics.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ThreadInfo;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void currentTargetIsThisJvm() {
        Target self = Target.current();
        assertEquals(ProcessHandle.current().pid(), self.pid());
        assertTrue(self.isCurrent());
        assertFalse(self.memoryPools().isEmpty());
        assertTrue(self.threads().getThreadCount() > 0);
        assertSame(self, Target.current());
    }

    @Test
    void attachingToOwnPidGivesTheCurrentTarget() throws IOException {
        assertSame(Target.current(), Target.attach(ProcessHandle.current().pid()));
    }

    @Test
    void attachedChildJvmOffersTheSameBeans() throws Exception {
        try (ChildJvm child = ChildJvm.start("-Xmx64m");
                Target target = Target.attach(child.pid())) {
            assertEquals(child.pid(), target.pid());
            assertFalse(target.isCurrent());
            assertTrue(target.displayName().contains("ChildJvm"), target.displayName());
            assertEquals(child.pid(), target.runtime().getPid());
            assertEquals(64L << 20, target.memory().getHeapMemoryUsage().getMax(), 8L << 20);
            assertFalse(target.garbageCollectors().isEmpty());
            ThreadInfo[] infos = target.threads().getThreadInfo(target.threads().getAllThreadIds(), 0);
            assertTrue(java.util.Arrays.stream(infos).anyMatch(i -> i != null && i.getThreadName().equals("main")));
            assertTrue(target.classLoading().getLoadedClassCount() > 100);
            assertTrue(target.operatingSystem().getProcessCpuTime() > 0);
            assertNotEquals(ProcessHandle.current().pid(), target.runtime().getPid());
        }
    }

    @Test
    void attachingToSomethingThatIsNoJvmFails() {
        assertThrows(IOException.class, () -> Target.attach(Long.MAX_VALUE / 2));
    }
}
