package lesson4.checks;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * HTTP/1.1 by hand over a socket, for the requests a real client sometimes makes and {@code HttpClient} will not: a
 * body that pauses half way, a client that leaves before its body is sent, a client that stops reading its answer
 * for a while, a client that hangs up once it has the status. Each request opens its own connection and closes it.
 */
final class RawHttp {

    /** Small enough that a large answer fills it and the server's send buffer, so that the server has to wait. */
    private static final int SLOW_READER_BUFFER = 128 * 1024;
    private static final int TIMEOUT_MILLIS = 10_000;

    private final URI base;

    RawHttp(URI base) {
        this.base = base;
    }

    /** A status and a body. */
    record Answer(int status, String body) {}

    /** POSTs {@code body}, pausing {@code pauseMillis} after its first half, and reads the answer. */
    Answer postPausing(String path, String body, long pauseMillis) throws IOException, InterruptedException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect(0)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", path, bytes.length));
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            Thread.sleep(pauseMillis);
            out.write(bytes, bytes.length / 2, bytes.length - bytes.length / 2);
            out.flush();
            InputStream in = socket.getInputStream();
            int status = status(in);
            return new Answer(status, new String(in.readNBytes(contentLength(in)), StandardCharsets.UTF_8));
        }
    }

    /** POSTs the start of a body longer than what it sends, then leaves: the handler's read of the body fails. */
    void postAndLeave(String path, String start) throws IOException {
        byte[] bytes = start.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = connect(0)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("POST", path, bytes.length * 4L));
            out.write(bytes);
            out.flush();
        }
    }

    /**
     * GETs {@code path}, reads the status line and headers, then calls {@code meanwhile} before reading the body:
     * a large body keeps the server writing, and waiting, until then.
     */
    Answer getReadingLate(String path, Meanwhile meanwhile) throws Exception {
        try (Socket socket = connect(SLOW_READER_BUFFER)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("GET", path, -1));
            out.flush();
            InputStream in = socket.getInputStream();
            int status = status(in);
            int length = contentLength(in);
            meanwhile.run();
            return new Answer(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
    }

    /**
     * GETs {@code path}, reads the status line and hangs up at once, resetting the connection: the server has sent
     * its status, and its writing of a large body then fails.
     */
    int getAndHangUp(String path) throws IOException {
        try (Socket socket = connect(SLOW_READER_BUFFER)) {
            OutputStream out = socket.getOutputStream();
            out.write(head("GET", path, -1));
            out.flush();
            int status = status(socket.getInputStream());
            socket.setSoLinger(true, 0);
            return status;
        }
    }

    /** What runs while an answer waits to be read. */
    interface Meanwhile {
        void run() throws Exception;
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
        return socket;
    }

    private byte[] head(String method, String path, long contentLength) {
        String head = method + " " + base.resolve(path).getRawPath() + " HTTP/1.1\r\nHost: " + base.getHost() + ":"
                + base.getPort() + "\r\nConnection: close\r\n"
                + (contentLength >= 0 ? "Content-Length: " + contentLength + "\r\n" : "") + "\r\n";
        return head.getBytes(StandardCharsets.US_ASCII);
    }

    private static int status(InputStream in) throws IOException {
        String line = line(in);
        String[] parts = line.split(" ");
        if (parts.length < 2) {
            throw new IOException("not an HTTP status line: " + line);
        }
        return Integer.parseInt(parts[1]);
    }

    /** Reads the headers up to the empty line and returns Content-Length (0 when absent). */
    private static int contentLength(InputStream in) throws IOException {
        int length = 0;
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).strip());
            }
        }
        return length;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer's head");
            }
            if (c != '\r') {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
