package workbench.diagnostics.target;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import workbench.diagnostics.metrics.Metrics;

/** Reading an attached JVM after it died: one exception that says so, whatever the RMI layer threw. */
class TargetGoneTest {

    /** Prints a line, then waits to be killed. */
    public static void main(String[] args) throws InterruptedException {
        System.out.println("ready");
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void everyReadOfAJvmThatDiedSaysItIsGone() throws Exception {
        Process child = new ProcessBuilder(ProcessHandle.current().info().command().orElseThrow(), "-Xmx32m", "-cp",
                System.getProperty("java.class.path"), TargetGoneTest.class.getName()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
             Target target = Target.attach(child.pid())) {
            assertEquals("ready", out.readLine());
            assertTrue(target.memory().getHeapMemoryUsage().getUsed() > 0);

            child.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

            TargetGoneException bean = assertThrows(TargetGoneException.class,
                    () -> target.memory().getHeapMemoryUsage());
            assertEquals(child.pid(), bean.pid());
            assertTrue(bean.getMessage().contains("can no longer be reached"), bean.getMessage());
            assertThrows(TargetGoneException.class, () -> target.threads().getThreadCount());
            assertThrows(TargetGoneException.class, () -> Metrics.read(target));
        } finally {
            child.destroyForcibly();
        }
    }
}
