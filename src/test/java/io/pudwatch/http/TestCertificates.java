package io.pudwatch.http;

import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** A self-signed certificate for 127.0.0.1, made with the JDK's keytool, in PKCS#12 and PEM. */
final class TestCertificates {
    static final char[] PASSWORD = "test-only".toCharArray();

    final Path keystore;
    final Path certPem;
    final Path keyPem;
    final Certificate certificate;

    private TestCertificates(Path keystore, Path certPem, Path keyPem, Certificate certificate) {
        this.keystore = keystore;
        this.certPem = certPem;
        this.keyPem = keyPem;
        this.certificate = certificate;
    }

    static TestCertificates create(Path dir) throws Exception {
        Path keystore = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process p =
                new ProcessBuilder(
                                keytool.toString(),
                                "-genkeypair",
                                "-alias",
                                "server",
                                "-keyalg",
                                "EC",
                                "-groupname",
                                "secp256r1",
                                "-validity",
                                "2",
                                "-dname",
                                "CN=localhost",
                                "-ext",
                                "SAN=ip:127.0.0.1,dns:localhost",
                                "-storetype",
                                "PKCS12",
                                "-keystore",
                                keystore.toString(),
                                "-storepass",
                                new String(PASSWORD))
                        .redirectErrorStream(true)
                        .start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD);
        }
        Certificate cert = store.getCertificate("server");
        Path certPem = dir.resolve("server.crt");
        Path keyPem = dir.resolve("server.key");
        pem(certPem, "CERTIFICATE", cert.getEncoded());
        pem(keyPem, "PRIVATE KEY", store.getKey("server", PASSWORD).getEncoded());
        return new TestCertificates(keystore, certPem, keyPem, cert);
    }

    /** A client context that trusts this certificate only. */
    SSLContext clientContext() throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate);
        TrustManagerFactory tmf =
                TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private static void pem(Path file, String type, byte[] der) throws Exception {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            w.write("-----BEGIN " + type + "-----\n");
            w.write(
                    Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                            .encodeToString(der));
            w.write("\n-----END " + type + "-----\n");
        }
    }
}
