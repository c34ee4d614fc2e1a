package workbench.console.lab;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.execution.Util;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Main class of the lab JVM: connects back to the console on loopback, then serves JShell's
 * execution commands until the console closes the connection.
 */
public final class LabAgent {

    private LabAgent() {
    }

    /**
     * Runs the agent.
     *
     * @param args the console's port and the token that proves this process was started by it
     * @throws IOException when the console cannot be reached
     */
    public static void main(String[] args) throws IOException {
        // The lab shares the console's terminal and process group: Ctrl-C there is a stop request
        // that reaches the lab through the stop channel, never a reason for the lab to die.
        Signal.handle(new Signal("INT"), SignalHandler.SIG_IGN);
        int port = Integer.parseInt(args[0]);
        String token = args[1];
        Socket commands = connect(port, token, LabChannel.COMMANDS);
        Socket stops = connect(port, token, LabChannel.STOP);
        AgentExecutionControl control = new AgentExecutionControl();
        Thread.ofPlatform().daemon().name("lab-stop-listener").start(() -> listenForStops(stops, control));
        Map<String, Consumer<OutputStream>> outputs = Map.of(
                "out", s -> System.setOut(new PrintStream(s, true, StandardCharsets.UTF_8)),
                "err", s -> System.setErr(new PrintStream(s, true, StandardCharsets.UTF_8)));
        Map<String, Consumer<InputStream>> inputs = Map.of("in", System::setIn);
        Util.forwardExecutionControlAndIO(control, commands.getInputStream(), commands.getOutputStream(),
                outputs, inputs);
        // Demo threads may be non-daemon; the lab lives exactly as long as its console connection.
        Runtime.getRuntime().halt(0);
    }

    private static Socket connect(int port, String token, LabChannel channel) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        // Small request/reply messages: Nagle plus delayed ACK would add ~40-200 ms to each.
        socket.setTcpNoDelay(true);
        DataOutputStream hello = new DataOutputStream(socket.getOutputStream());
        hello.writeUTF(token);
        hello.writeUTF(channel.name());
        hello.flush();
        return socket;
    }

    private static void listenForStops(Socket stops, AgentExecutionControl control) {
        try (InputStream in = stops.getInputStream()) {
            while (in.read() >= 0) {
                control.stopRunningSnippet();
            }
        } catch (IOException closed) {
            // the console is gone: fall through
        }
        // Without its console the lab has no purpose and must not linger as an orphan.
        Runtime.getRuntime().halt(0);
    }
}
