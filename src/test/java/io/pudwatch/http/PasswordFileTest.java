package io.pudwatch.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCrypt;

class PasswordFileTest {
    @TempDir Path dir;

    @Test
    void bcryptAndSha256UsersAreCheckedAgainstTheirOwnHashes() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(
                file,
                "alice:"
                        + BCrypt.hashpw("wonderland", BCrypt.gensalt(4))
                        + "\n\n"
                        + "bot:sha256:"
                        + SecureServerTest.sha256("long-random-token")
                        + "\n");

        PasswordFile users = PasswordFile.read(file);

        assertThat(users.check("alice", "wonderland")).isTrue();
        assertThat(users.check("alice", "Wonderland")).isFalse();
        assertThat(users.check("bot", "long-random-token")).isTrue();
        assertThat(users.check("bot", "wonderland")).isFalse();
        assertThat(users.check("mallory", "wonderland")).isFalse();
    }

    @Test
    void aPlainTextPasswordIsRefusedWithTheFormsThatWork() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "alice:wonderland\n");

        assertThatThrownBy(() -> PasswordFile.read(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(file + ":1")
                .hasMessageContaining("htpasswd -nbB");
    }

    @Test
    void aLineWithoutAUserNamesItsLine() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# users\n:$2y$10$abc\n");

        assertThatThrownBy(() -> PasswordFile.read(file)).hasMessageContaining(file + ":2");
    }

    @Test
    void aFileWithoutUsersIsRefused() throws Exception {
        Path file = dir.resolve("users");
        Files.writeString(file, "# nobody yet\n");

        assertThatThrownBy(() -> PasswordFile.read(file)).hasMessageContaining("names no user");
    }
}
