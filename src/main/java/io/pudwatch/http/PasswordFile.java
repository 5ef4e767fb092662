package io.pudwatch.http;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users allowed to read the agent's HTTP endpoints: a file of {@code user:hash} lines, blank
 * lines and {@code #} comments ignored, in the form of {@code htpasswd -B}.
 */
public final class PasswordFile {
    private static final Logger logger = LoggerFactory.getLogger(PasswordFile.class);

    private final Map<String, PasswordHash> users;

    private PasswordFile(Map<String, PasswordHash> users) {
        this.users = users;
    }

    /**
     * @throws IllegalArgumentException naming the file, the line and the fix
     */
    public static PasswordFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(
                    "The basic auth file " + file + " cannot be read: " + e.getMessage(), e);
        }
        warnIfReadableByOthers(file);
        Map<String, PasswordHash> users = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected USER:HASH");
            }
            String user = line.substring(0, colon);
            try {
                if (users.put(user, PasswordHash.parse(line.substring(colon + 1))) != null) {
                    throw new IllegalArgumentException("user '" + user + "' appears twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException(
                    "The basic auth file " + file + " names no user; add a USER:HASH line.");
        }
        return new PasswordFile(users);
    }

    /** Whether this user exists and the password matches its hash. */
    public boolean check(String user, String password) {
        PasswordHash hash = users.get(user);
        if (hash == null) {
            PasswordHash.NO_USER.matches(password);
            return false;
        }
        return hash.matches(password);
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.OTHERS_READ)) {
                logger.warn(
                        "The basic auth file {} is readable by every user; 'chmod 600'" + " it.",
                        file);
            }
        } catch (IOException | UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to check.
        }
    }
}
