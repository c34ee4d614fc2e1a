package lesson4.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The local addresses that listen on a TCP port, read from Linux's {@code /proc/net/tcp} and {@code tcp6}: the
 * kernel's own word on what a server bound, where a URI the server prints could say anything.
 */
final class ListeningSockets {

    private static final String LISTEN = "0A";

    private ListeningSockets() {}

    /** The non-loopback addresses listening on {@code port}; empty (no list at all) where /proc/net is absent. */
    static Optional<List<String>> nonLoopback(int port) {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return Optional.empty();
        }
        List<String> wide = new ArrayList<>();
        for (Path table : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            for (String line : read(table)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && fields[3].equals(LISTEN) && fields[1].endsWith(
                        ":" + String.format(Locale.ROOT, "%04X", port))) {
                    String address = fields[1].substring(0, fields[1].indexOf(':'));
                    if (!isLoopback(address)) {
                        wide.add(describe(address));
                    }
                }
            }
        }
        return Optional.of(wide);
    }

    /** 127.x.x.x (the last byte of the little-endian word, also inside ::ffff:a.b.c.d) or ::1. */
    private static boolean isLoopback(String hex) {
        return hex.endsWith("7F") && (hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000"))
                || hex.equals("00000000000000000000000001000000");
    }

    /** Whether a described address is the wildcard: every interface. */
    static boolean any(String described) {
        return described.equals("0.0.0.0") || described.equals("[::]");
    }

    /** IPv4 addresses, also inside ::ffff:a.b.c.d, in dotted form; the wildcards by name; other IPv6 in hex. */
    private static String describe(String hex) {
        if (hex.chars().allMatch(c -> c == '0')) {
            return hex.length() == 8 ? "0.0.0.0" : "[::]";
        }
        if (hex.length() == 8 || hex.startsWith("0000000000000000FFFF0000")) {
            long word = Long.parseLong(hex.substring(hex.length() - 8), 16);
            return String.format(Locale.ROOT, "%d.%d.%d.%d", word & 0xFF, word >> 8 & 0xFF, word >> 16 & 0xFF,
                    word >> 24 & 0xFF);
        }
        return hex;
    }

    private static List<String> read(Path table) {
        try {
            return Files.exists(table) ? Files.readAllLines(table) : List.of();
        } catch (IOException e) {
            return List.of();
        }
    }
}
