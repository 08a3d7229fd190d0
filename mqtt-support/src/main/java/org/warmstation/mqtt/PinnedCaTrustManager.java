package org.warmstation.mqtt;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts a server only when its certificate chain ends at one CA certificate known by its SHA-256
 * fingerprint (the pin an enrollment code carries, decision 0180): the CA must be among the
 * certificates the server sends, and the chain below it must validate against it alone (PKIX,
 * signatures and validity dates; no revocation lists). No system CA is ever trusted. Host names are
 * checked by the MQTT client (Paho's hostname verification), not here. Immutable and thread-safe.
 */
final class PinnedCaTrustManager implements X509TrustManager {
    private final String pin;

    /**
     * @param sha256Hex the CA certificate's SHA-256 over its DER encoding, 64 hex digits
     * @throws IllegalArgumentException when it is not 64 hex digits
     */
    PinnedCaTrustManager(String sha256Hex) {
        if (sha256Hex == null || !sha256Hex.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("a CA pin is the SHA-256 of the CA certificate, 64 hex digits");
        }
        this.pin = sha256Hex.toLowerCase(Locale.ROOT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the broker sent no certificate");
        }
        int anchorAt = -1;
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < chain.length; i++) {
            String fp = fingerprint(chain[i]);
            seen.add(chain[i].getSubjectX500Principal().getName() + " " + fp.substring(0, 16) + "…");
            if (fp.equals(pin)) {
                anchorAt = i;
                break;
            }
        }
        if (anchorAt < 0) {
            throw new CertificateException("the broker's certificate chain does not end at the pinned CA (SHA-256 "
                    + pin.substring(0, 16) + "…); it sent " + seen);
        }
        if (anchorAt == 0) {
            return; // the server presents the pinned certificate itself
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            var path = cf.generateCertPath(List.of(chain).subList(0, anchorAt));
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(chain[anchorAt], null)));
            params.setRevocationEnabled(false);
            CertPathValidator.getInstance("PKIX").validate(path, params);
        } catch (GeneralSecurityException e) {
            throw new CertificateException("the broker's certificate does not validate against the pinned CA: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a station trusts no client certificates");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    /**
     * @param c a certificate
     * @return SHA-256 of its DER encoding, 64 lower-case hex digits
     * @throws CertificateException when it cannot be encoded
     */
    static String fingerprint(X509Certificate c) throws CertificateException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
