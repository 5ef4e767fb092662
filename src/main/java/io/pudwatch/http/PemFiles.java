package io.pudwatch.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a PEM certificate chain and an unencrypted PKCS#8 private key with the JDK alone. */
final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z ]+)-----([^-]+)-----END \\1-----");

    private PemFiles() {}

    static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        byte[] bytes = Files.readAllBytes(file);
        Collection<? extends Certificate> certs =
                CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(bytes));
        if (certs.isEmpty()) {
            throw new GeneralSecurityException(
                    file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----).");
        }
        return new ArrayList<>(certs);
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                return decode(file, Base64.getMimeDecoder().decode(m.group(2)));
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new GeneralSecurityException(
                        file
                                + " holds a "
                                + type
                                + "; convert it to unencrypted PKCS#8 with"
                                + " 'openssl pkcs8 -topk8 -nocrypt -in KEY -out KEY.pk8'.");
            }
        }
        throw new GeneralSecurityException(
                file + " holds no PEM private key (-----BEGIN PRIVATE KEY-----).");
    }

    private static PrivateKey decode(Path file, byte[] der) throws GeneralSecurityException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "Ed448"}) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // The PKCS#8 header names the algorithm; trying each is simpler than parsing it.
            }
        }
        throw new GeneralSecurityException(
                file + " holds a private key of an algorithm other than RSA, EC or EdDSA.");
    }
}
