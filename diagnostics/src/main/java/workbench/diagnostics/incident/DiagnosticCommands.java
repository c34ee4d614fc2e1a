package workbench.diagnostics.incident;

import java.io.IOException;
import javax.management.JMException;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import workbench.diagnostics.target.Target;

/** The target's {@code jcmd} commands through its DiagnosticCommand MBean, which works over JMX as locally. */
final class DiagnosticCommands {

    private static final ObjectName BEAN = name("com.sun.management:type=DiagnosticCommand");
    private static final String[] SIGNATURE = {String[].class.getName()};

    private final Target target;

    DiagnosticCommands(Target target) {
        this.target = target;
    }

    /**
     * Runs one command by its MBean operation name ({@code vmLog} for {@code VM.log}, {@code gcClassHistogram}
     * for {@code GC.class_histogram}) and returns what it printed.
     */
    String run(String operation, String... arguments) throws IOException {
        try {
            Object out = target.connection().invoke(BEAN, operation, new Object[]{arguments}, SIGNATURE);
            return out == null ? "" : out.toString();
        } catch (JMException e) {
            throw new IOException("process " + target.pid() + " refused " + operation + ": " + e.getMessage(), e);
        }
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
