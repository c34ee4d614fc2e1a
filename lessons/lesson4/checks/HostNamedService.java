package lesson4.checks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lesson4.OrderService;

/**
 * The learner's {@code OrderService} in a JVM of its own whose host name resolves to one of the machine's network
 * addresses, as it does on most servers (this machine's {@code /etc/hosts} may say 127.0.0.1): there, a service that
 * binds to {@code InetAddress.getLocalHost()} listens beyond loopback. Public, for {@code LabProcess} to start it.
 */
public final class HostNamedService {

    /** What the JVM prints, followed by the variables' base address, once the service is up. */
    static final String SERVING = "vars at ";

    private HostNamedService() {}

    public static void main(String[] args) throws Exception {
        try (OrderService service = new OrderService()) {
            System.out.println(SERVING + service.varsUri());
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /**
     * Flags for that JVM: a hosts file naming this host after one of its network addresses, and localhost after
     * loopback. None when the machine has no network address or no name.
     */
    static List<String> flags() {
        Optional<InetAddress> network = networkAddress();
        if (network.isEmpty()) {
            return List.of();
        }
        try {
            String name = InetAddress.getLocalHost().getHostName();
            Path hosts = Files.createTempFile("host-named-", ".hosts");
            hosts.toFile().deleteOnExit();
            Files.writeString(hosts, network.get().getHostAddress() + " " + name + "\n127.0.0.1 localhost\n"
                    + "::1 localhost\n");
            return List.of("-Djdk.net.hosts.file=" + hosts);
        } catch (UnknownHostException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An IPv4 address of an interface that is up and not loopback. */
    private static Optional<InetAddress> networkAddress() {
        try {
            return NetworkInterface.networkInterfaces().filter(HostNamedService::upAndOut)
                    .flatMap(NetworkInterface::inetAddresses).filter(Inet4Address.class::isInstance).findFirst();
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean upAndOut(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
