package workbench.console.lab;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A running lab JVM and its two loopback connections: the command stream and the stop channel.
 */
final class LabJvm implements AutoCloseable {

    private static final Duration CONNECT_LIMIT = Duration.ofSeconds(30);

    /** What the JVM prints when -XX:+ExitOnOutOfMemoryError ends it; the exit code alone is ambiguous. */
    private static final String OUT_OF_MEMORY = "OutOfMemoryError";

    private final Process process;
    private final Socket commands;
    private final Socket stops;
    private final AtomicBoolean ranOutOfMemory;

    private LabJvm(Process process, Socket commands, Socket stops, AtomicBoolean ranOutOfMemory) {
        this.process = process;
        this.commands = commands;
        this.stops = stops;
        this.ranOutOfMemory = ranOutOfMemory;
    }

    /**
     * Starts the lab JVM and waits for its agent to connect back.
     *
     * @param rawOutput receives what the lab JVM itself prints outside System.out (JVM warnings, -Xlog)
     */
    static LabJvm launch(LabCommandLine commandLine, OutputStream rawOutput) throws IOException {
        String token = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (ServerSocket server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(200);
            Process process = new ProcessBuilder(commandLine.command(server.getLocalPort(), token))
                    .redirectErrorStream(true)
                    .start();
            AtomicBoolean ranOutOfMemory = new AtomicBoolean();
            Thread.ofPlatform().daemon().name("lab-raw-output")
                    .start(() -> copy(process.getInputStream(), rawOutput, ranOutOfMemory));
            try {
                Map<LabChannel, Socket> channels = accept(server, process, token);
                return new LabJvm(process, channels.get(LabChannel.COMMANDS), channels.get(LabChannel.STOP),
                        ranOutOfMemory);
            } catch (IOException | RuntimeException e) {
                process.destroyForcibly();
                throw e;
            }
        }
    }

    private static Map<LabChannel, Socket> accept(ServerSocket server, Process process, String token)
            throws IOException {
        Map<LabChannel, Socket> channels = new EnumMap<>(LabChannel.class);
        Instant deadline = Instant.now().plus(CONNECT_LIMIT);
        while (channels.size() < LabChannel.values().length) {
            if (!process.isAlive()) {
                throw new IOException("the lab JVM exited with code " + process.exitValue() + " before connecting");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException("the lab JVM did not connect within " + CONNECT_LIMIT.toSeconds() + " s");
            }
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                DataInputStream hello = new DataInputStream(socket.getInputStream());
                if (hello.readUTF().equals(token)) {
                    channels.put(LabChannel.valueOf(hello.readUTF()), socket);
                } else {
                    socket.close();
                }
            } catch (SocketTimeoutException notYet) {
                // poll the process again
            }
        }
        return channels;
    }

    /** Copies the JVM's own output, noting whether it said it ran out of memory. */
    private static void copy(InputStream from, OutputStream to, AtomicBoolean ranOutOfMemory) {
        try (from) {
            byte[] buffer = new byte[8192];
            String tail = "";
            for (int n; (n = from.read(buffer)) >= 0; ) {
                to.write(buffer, 0, n);
                to.flush();
                // The tail of the previous read keeps a word split between two reads findable.
                String seen = tail + new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                if (seen.contains(OUT_OF_MEMORY)) {
                    ranOutOfMemory.set(true);
                }
                tail = seen.substring(Math.max(0, seen.length() - OUT_OF_MEMORY.length()));
            }
        } catch (IOException ignored) {
            // the lab is gone; nothing more to copy
        }
    }

    InputStream commandInput() throws IOException {
        return commands.getInputStream();
    }

    OutputStream commandOutput() throws IOException {
        return commands.getOutputStream();
    }

    long pid() {
        return process.pid();
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    /**
     * Whether the JVM still runs, as the system sees it: {@link Process#isAlive} learns of an exit only once a
     * reaper thread has got to it, and a snippet sent in between would be lost.
     */
    boolean isAlive() {
        return process.toHandle().isAlive();
    }

    /** Whether the JVM reported an {@code OutOfMemoryError} on its way out. */
    boolean ranOutOfMemory() {
        return ranOutOfMemory.get();
    }

    /** Asks the running snippet to stop, over the channel that a busy command stream leaves free. */
    void requestStop() {
        try {
            OutputStream out = stops.getOutputStream();
            out.write(1);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("the lab JVM's stop channel is closed", e);
        }
    }

    /** Waits for the process to end by itself, killing it after {@code grace}; returns its exit code. */
    int awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() {
        try {
            commands.close();
            stops.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
