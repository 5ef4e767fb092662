package io.pudwatch.http;

import java.net.InetSocketAddress;

/**
 * Where the HTTP server listens, written {@code HOST:PORT}, {@code [IPV6]:PORT} or {@code :PORT}
 * (all interfaces).
 */
public record ListenAddress(String host, int port) {
    /** All interfaces, port 9742. */
    public static final ListenAddress DEFAULT = new ListenAddress("0.0.0.0", 9742);

    public ListenAddress {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException(
                    "The listen port must be between 0 and 65535, not " + port + ".");
        }
    }

    /**
     * @throws IllegalArgumentException naming the accepted forms
     */
    public static ListenAddress parse(String text) {
        String s = text.trim();
        int colon = s.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(
                    "'"
                            + text
                            + "' is not a listen address; write HOST:PORT, [IPV6]:PORT or :PORT.");
        }
        String host = s.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new IllegalArgumentException(
                    "'" + text + "': put an IPv6 address in brackets, as in [::1]:9742.");
        }
        int port;
        try {
            port = Integer.parseInt(s.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' has no port number after the last ':'.", e);
        }
        return new ListenAddress(host.isEmpty() ? "0.0.0.0" : host, port);
    }

    public InetSocketAddress toSocketAddress() {
        return new InetSocketAddress(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
