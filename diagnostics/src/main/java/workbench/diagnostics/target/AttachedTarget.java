package workbench.diagnostics.target;

import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.AttachOperationFailedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/** Another local JVM, reached by attaching, starting its local management agent and connecting over JMX. */
final class AttachedTarget extends BeanTarget {

    /**
     * Starting the agent once failed with a NullPointerException inside a JDK 25 target launched a moment
     * before (a lesson snippet, in CI); not reproduced on demand since, so a failed start is asked again.
     */
    private static final int AGENT_ATTEMPTS = 20;
    private static final long AGENT_RETRY_MILLIS = 100;

    private final long pid;
    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final String displayName;

    private AttachedTarget(long pid, JMXConnector connector, MBeanServerConnection connection) throws IOException {
        super(PlatformBeans.remote(connection, pid));
        this.pid = pid;
        this.connector = connector;
        this.connection = connection;
        this.displayName = DisplayNames.of(pid, runtime());
    }

    static AttachedTarget attach(long pid) throws IOException {
        String address = localManagementAddress(pid);
        JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        try {
            return new AttachedTarget(pid, connector, connector.getMBeanServerConnection());
        } catch (IOException | RuntimeException e) {
            connector.close();
            throw e;
        }
    }

    /** Starts (or finds) the target's local JMX agent; the attach session is only needed for that. */
    private static String localManagementAddress(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException e) {
            throw new IOException("cannot attach to process " + pid
                    + " (is it a JVM run by this user, started without -XX:+DisableAttachMechanism?): "
                    + e.getMessage(), e);
        }
        try {
            return startAgent(vm);
        } finally {
            vm.detach();
        }
    }

    private static String startAgent(VirtualMachine vm) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return vm.startLocalManagementAgent();
            } catch (AttachOperationFailedException e) {
                if (attempt == AGENT_ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(AGENT_RETRY_MILLIS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while starting the agent of " + vm.id(), interrupted);
                }
            }
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public boolean isCurrent() {
        return false;
    }

    @Override
    public MBeanServerConnection connection() {
        return connection;
    }

    @Override
    public void close() {
        try {
            connector.close();
        } catch (IOException e) {
            // The other JVM may already be gone; there is nothing left to release.
        }
    }

    @Override
    public String toString() {
        return "attached JVM " + pid + " (" + displayName + ")";
    }
}
