package io.pudwatch.cli;

import io.pudwatch.http.HttpSettings;
import io.pudwatch.http.ListenAddress;
import io.pudwatch.http.PasswordFile;
import io.pudwatch.http.TlsSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import picocli.CommandLine.Option;

/** Where and how the agent serves its HTTP endpoints. */
final class ServeOptions {
    @Option(
            names = "--listen",
            defaultValue = "0.0.0.0:9742",
            paramLabel = "ADDR:PORT",
            description = "Serve /metrics, /healthz and /readyz here. Default: ${DEFAULT-VALUE}.")
    String listen;

    @Option(
            names = "--tls-cert",
            paramLabel = "PEM",
            description = "Serve HTTPS with this certificate chain (PEM); needs --tls-key.")
    Path tlsCert;

    @Option(
            names = "--tls-key",
            paramLabel = "PEM",
            description = "The certificate's private key, unencrypted PKCS#8 PEM.")
    Path tlsKey;

    @Option(
            names = "--tls-keystore",
            paramLabel = "P12",
            description = "Serve HTTPS with the key and chain of this PKCS#12 keystore instead.")
    Path tlsKeystore;

    @Option(
            names = "--tls-keystore-password-file",
            paramLabel = "FILE",
            description = "The keystore's password, on the file's first line. Default: none.")
    Path tlsKeystorePasswordFile;

    @Option(
            names = "--basic-auth-file",
            paramLabel = "FILE",
            description = {
                "Require basic auth for /metrics and /api: USER:HASH lines, the hash bcrypt",
                "(htpasswd -nbB USER PASSWORD) or sha256:HEX of a long random token."
            })
    Path basicAuthFile;

    HttpSettings settings() throws CommandFailedException, BadInputException {
        ListenAddress address = ListenAddress.parse(listen);
        if (tlsKeystore != null && (tlsCert != null || tlsKey != null)) {
            throw new IllegalArgumentException(
                    "--tls-keystore replaces --tls-cert and --tls-key; give one or the other");
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        // The files are checked now, at start-up, so that a mistake stops the agent at once.
        try {
            PasswordFile users = basicAuthFile == null ? null : PasswordFile.read(basicAuthFile);
            return new HttpSettings(address, tls(), users);
        } catch (IllegalArgumentException e) {
            throw new BadInputException(e.getMessage(), e);
        }
    }

    private SSLContext tls() throws CommandFailedException {
        if (tlsKeystore != null) {
            return TlsSettings.fromPkcs12(tlsKeystore, keystorePassword());
        }
        return tlsCert == null ? null : TlsSettings.fromPem(tlsCert, tlsKey);
    }

    private char[] keystorePassword() throws CommandFailedException {
        if (tlsKeystorePasswordFile == null) {
            return new char[0];
        }
        try {
            String text = Files.readString(tlsKeystorePasswordFile, StandardCharsets.UTF_8);
            return text.lines().findFirst().orElse("").toCharArray();
        } catch (IOException e) {
            throw new CommandFailedException(
                    tlsKeystorePasswordFile
                            + ": the keystore password cannot be read: "
                            + e.getMessage(),
                    e);
        }
    }
}
