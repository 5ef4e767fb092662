package io.pudwatch.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's TLS context from PEM files or a PKCS#12 keystore. */
public final class TlsSettings {
    private static final char[] TRANSIENT_PASSWORD = "pudwatch".toCharArray();

    private TlsSettings() {}

    /**
     * @param certificate PEM certificate chain, the server's own first
     * @param key unencrypted PKCS#8 PEM private key
     * @throws IllegalArgumentException saying which file is wrong and how to fix it
     */
    public static SSLContext fromPem(Path certificate, Path key) {
        try {
            List<Certificate> chain = PemFiles.certificates(certificate);
            PrivateKey privateKey = PemFiles.privateKey(key);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry(
                    "server", privateKey, TRANSIENT_PASSWORD, chain.toArray(new Certificate[0]));
            return context(store, TRANSIENT_PASSWORD);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "TLS will not be available because the certificate "
                            + certificate
                            + " or key "
                            + key
                            + " cannot be used: "
                            + e.getMessage(),
                    e);
        }
    }

    /**
     * @throws IllegalArgumentException saying why the keystore cannot be used
     */
    public static SSLContext fromPkcs12(Path keystore, char[] password) {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return context(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "TLS will not be available because the keystore "
                            + keystore
                            + " cannot be opened (wrong password, or not PKCS#12?): "
                            + e.getMessage(),
                    e);
        }
    }

    private static SSLContext context(KeyStore store, char[] password)
            throws GeneralSecurityException {
        KeyManagerFactory kmf =
                KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(store, password);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        return context;
    }
}
