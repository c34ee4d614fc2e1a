package workbench.diagnostics.target;

import java.lang.management.ManagementFactory;
import javax.management.MBeanServerConnection;

/** The running JVM: real MXBean objects, no JMX round trips. */
final class CurrentTarget extends BeanTarget {

    static final CurrentTarget INSTANCE = new CurrentTarget();

    private final long pid = ProcessHandle.current().pid();

    private CurrentTarget() {
        super(PlatformBeans.local());
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String displayName() {
        return DisplayNames.of(runtime());
    }

    @Override
    public boolean isCurrent() {
        return true;
    }

    @Override
    public MBeanServerConnection connection() {
        return ManagementFactory.getPlatformMBeanServer();
    }

    @Override
    public void close() {}

    @Override
    public String toString() {
        return "current JVM " + pid;
    }
}
