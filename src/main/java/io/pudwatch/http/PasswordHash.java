package io.pudwatch.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.crypto.bcrypt.BCrypt;

/**
 * A password hash from the basic auth file: bcrypt ({@code $2a$}, {@code $2b$}, {@code $2y$}, as
 * {@code htpasswd -nbB} and Prometheus' web config write them) or {@code sha256:HEX}.
 *
 * <p>Unsalted SHA-256 is only safe for long random passwords (tokens of 32 random bytes and more),
 * which a dictionary cannot reach; for anything a person chose, use bcrypt.
 */
sealed interface PasswordHash {
    /** Compares in time that does not depend on where the password differs. */
    boolean matches(String password);

    /**
     * @throws IllegalArgumentException naming the accepted forms
     */
    static PasswordHash parse(String text) {
        if (text.startsWith("$2a$") || text.startsWith("$2b$") || text.startsWith("$2y$")) {
            if (text.length() != 60) {
                throw new IllegalArgumentException(
                        "a bcrypt hash is 60 characters long, this one has " + text.length());
            }
            return new Bcrypt(text);
        }
        if (text.startsWith("sha256:")) {
            String hex = text.substring("sha256:".length());
            if (!hex.matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException("a sha256 hash is 'sha256:' and 64 hex digits");
            }
            return new Sha256(HexFormat.of().parseHex(hex));
        }
        throw new IllegalArgumentException(
                "the hash must be bcrypt ($2y$..., from 'htpasswd -nbB USER PASSWORD') or"
                        + " sha256:HEX (from 'printf %s PASSWORD | sha256sum')");
    }

    /** Stands in for a user that does not exist, so that the answer takes as long. */
    PasswordHash NO_USER = new Sha256(new byte[32]);

    record Bcrypt(String hash) implements PasswordHash {
        @Override
        public boolean matches(String password) {
            // BCrypt.checkpw compares the whole hash without returning early.
            return BCrypt.checkpw(password, hash);
        }
    }

    record Sha256(byte[] digest) implements PasswordHash {
        @Override
        public boolean matches(String password) {
            try {
                byte[] actual =
                        MessageDigest.getInstance("SHA-256")
                                .digest(password.getBytes(StandardCharsets.UTF_8));
                // MessageDigest.isEqual is constant-time for equal lengths (since JDK 6u17).
                return MessageDigest.isEqual(actual, digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every JDK has SHA-256.", e);
            }
        }
    }
}
