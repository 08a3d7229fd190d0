package org.warmstation.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS socket factories that trust exactly one district's broker, never the system CAs: the CA
 * certificates of one PEM file, or the one CA whose SHA-256 an enrollment code pins (decision 0180).
 */
public final class TlsSockets {
    private TlsSockets() {
    }

    /**
     * Reads the CA file. Blocks on the file system.
     *
     * @param caFile PEM file with one or more CA certificates
     * @return a socket factory whose connections accept only servers signed by those CAs (Paho
     *         checks the host name when hostname verification is on)
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static SSLSocketFactory trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
            ks.load(null, null);
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            if (i == 0) {
                throw new IllegalArgumentException("no certificate in CA file " + caFile);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(ks);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot use CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A socket factory trusting only a broker chain that ends at the CA of the given fingerprint
     * (the server must send that CA certificate in its chain). Does no I/O.
     *
     * @param caSha256Hex SHA-256 of the CA certificate's DER encoding, 64 hex digits
     * @return the factory; a connection to a broker signed by another CA fails its handshake with a
     *         message naming the pin
     * @throws IllegalArgumentException when the pin is not 64 hex digits
     */
    public static SSLSocketFactory pinned(String caSha256Hex) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new javax.net.ssl.TrustManager[] {new PinnedCaTrustManager(caSha256Hex)}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is part of every JDK", e);
        }
    }

    /**
     * The pin of a CA file: what {@code station enroll --ca-file} puts into the code. Blocks on the
     * file system.
     *
     * @param caFile PEM file whose first certificate is the broker's CA
     * @return SHA-256 of that certificate's DER encoding, 64 lower-case hex digits
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate
     */
    public static String fingerprint(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            var certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("no certificate in CA file " + caFile);
            }
            return PinnedCaTrustManager.fingerprint((java.security.cert.X509Certificate) certs.iterator().next());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot read CA file " + caFile + ": " + e.getMessage(), e);
        }
    }
}
