package io.pudwatch.http;

import javax.net.ssl.SSLContext;

/**
 * How the agent's HTTP server listens.
 *
 * @param listen the address and port; port 0 picks a free one
 * @param tls the TLS context, or {@code null} for plain HTTP
 * @param users who may read {@code /metrics} and mounted handlers, or {@code null} for anyone
 */
public record HttpSettings(ListenAddress listen, SSLContext tls, PasswordFile users) {
    public static HttpSettings plain(ListenAddress listen) {
        return new HttpSettings(listen, null, null);
    }
}
