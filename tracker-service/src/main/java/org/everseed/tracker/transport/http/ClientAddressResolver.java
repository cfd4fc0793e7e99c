package org.everseed.tracker.transport.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.everseed.bittorrent.tracker.IpText;
import org.everseed.tracker.config.TrackerProperties;
import org.springframework.stereotype.Component;

/**
 * The address of the peer behind an HTTP request: the TCP remote address, or, when that is a trusted
 * proxy ({@code everseed.tracker.trusted-proxies}, the gateway), the last address of
 * {@code X-Forwarded-For}, the one that proxy appended. Never resolves host names.
 */
@Component
public class ClientAddressResolver {
    private final Set<InetAddress> trusted = new HashSet<>();

    /**
     * @param properties the trusted proxies
     * @throws IllegalArgumentException if a trusted proxy is not an IP literal
     */
    public ClientAddressResolver(TrackerProperties properties) {
        for (String proxy : properties.trustedProxies()) {
            trusted.add(literal(proxy).orElseThrow(
                    () -> new IllegalArgumentException("trusted proxy is not an IP literal: " + proxy)));
        }
    }

    /**
     * The peer's address.
     *
     * @param remote the TCP remote address
     * @param forwardedFor the {@code X-Forwarded-For} header values in order, possibly empty
     */
    public InetSocketAddress resolve(InetSocketAddress remote, List<String> forwardedFor) {
        if (forwardedFor.isEmpty() || !trusted.contains(remote.getAddress())) {
            return remote;
        }
        String last = forwardedFor.getLast();
        String hop = last.substring(last.lastIndexOf(',') + 1).strip();
        if (hop.startsWith("[") && hop.endsWith("]")) {
            hop = hop.substring(1, hop.length() - 1);
        }
        return literal(hop).map(ip -> new InetSocketAddress(ip, remote.getPort())).orElse(remote);
    }

    private static Optional<InetAddress> literal(String text) {
        Optional<byte[]> bytes = IpText.parse(text);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes.get()));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 or 16 bytes are always an address", e);
        }
    }
}
