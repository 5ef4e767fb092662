package io.pudwatch.http;

import com.sun.net.httpserver.BasicAuthenticator;

/** HTTP basic authentication against a {@link PasswordFile}. */
final class PasswordFileAuthenticator extends BasicAuthenticator {
    private final PasswordFile users;

    PasswordFileAuthenticator(PasswordFile users) {
        super("pudwatch", java.nio.charset.StandardCharsets.UTF_8);
        this.users = users;
    }

    @Override
    public boolean checkCredentials(String user, String password) {
        return users.check(user, password);
    }
}
