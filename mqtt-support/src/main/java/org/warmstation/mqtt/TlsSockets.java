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

/** TLS socket factories trusting exactly the CA certificates of one PEM file (no system CAs). */
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
}
