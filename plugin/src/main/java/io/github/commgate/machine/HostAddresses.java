package io.github.commgate.machine;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * This machine's own network addresses, for a coordinator that workers on other nodes must reach.
 * The host name is no guide: Debian maps it to 127.0.1.1 in /etc/hosts, and containers often to
 * 127.0.0.1, which a rank on another node would take for itself.
 */
public final class HostAddresses {

    private HostAddresses() {
    }

    /**
     * The address other nodes most likely reach this one at: the first global (not loopback, not
     * link-local) address of an interface that is up, IPv4 before IPv6; loopback when there is none,
     * which still serves ranks on this node.
     */
    public static InetAddress preferred() {
        return all().stream().filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .min(Comparator.comparingInt(a -> a instanceof Inet4Address ? 0 : 1))
                .orElse(InetAddress.getLoopbackAddress());
    }

    /** Whether {@code address} belongs to an interface of this machine, so a server can listen on it. */
    public static boolean isOwn(InetAddress address) {
        try {
            return NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** Every address of the interfaces that are up, in the order the system lists them. */
    private static List<InetAddress> all() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (isUp(network)) {
                    addresses.addAll(Collections.list(network.getInetAddresses()));
                }
            }
        } catch (SocketException | NullPointerException none) {
            // No interface can be listed (a sandbox without /proc/net): loopback is all there is.
            return List.of(InetAddress.getLoopbackAddress());
        }
        return addresses;
    }

    /** "192.0.2.2, 127.0.0.1": the addresses as a message lists them. */
    public static String describeAll() {
        return String.join(", ", all().stream().map(HostAddresses::text).toList());
    }

    /** The address as text without a host name or an IPv6 scope: what a worker can parse back. */
    public static String text(InetAddress address) {
        String text = address.getHostAddress();
        int scope = text.indexOf('%');
        return scope < 0 ? text : text.substring(0, scope);
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }
}
