package workbench.console.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell execution engine that runs snippets in a separate lab JVM over a loopback connection with
 * TCP_NODELAY, and stops runaway snippets through a side channel.
 */
public final class LabEngineProvider implements ExecutionControlProvider {

    private final LabCommandLine commandLine;
    private final Consumer<LabJvm> launched;

    LabEngineProvider(LabCommandLine commandLine, Consumer<LabJvm> launched) {
        this.commandLine = commandLine;
        this.launched = launched;
    }

    @Override
    public String name() {
        return "workbench-lab";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws IOException {
        LabJvm lab = LabJvm.launch(commandLine, env.userErr());
        launched.accept(lab);
        Map<String, OutputStream> outputs = Map.of("out", env.userOut(), "err", env.userErr());
        Map<String, InputStream> inputs = Map.of("in", env.userIn());
        return Util.remoteInputOutput(lab.commandInput(), lab.commandOutput(), outputs, inputs,
                (in, out) -> new LabExecutionControl(out, in, lab));
    }
}
