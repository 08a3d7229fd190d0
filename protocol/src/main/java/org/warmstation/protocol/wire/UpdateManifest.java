package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;

/**
 * What a district offers its stations to install (issue 15, schema
 * {@code docs/schemas/update-manifest.schema.json}): one Debian package by version, size and
 * SHA-256, downloadable from the district's own server. Carried signed by a key of purpose
 * {@code update} inside a {@link SignedUpdate}, itself inside an {@code UPDATE} downlink.
 *
 * @param schema      always {@link #SCHEMA}
 * @param district    the district whose stations may install it
 * @param packageName the Debian package, {@link #PACKAGE}
 * @param version     its Debian version ({@link DebianVersion#SYNTAX})
 * @param sha256      SHA-256 of the {@code .deb} file, 64 lower-case hex digits
 * @param size        size of the {@code .deb} file in bytes, 1..{@link #MAX_SIZE}
 * @param url         where to download it: {@code http} or {@code https} on the district's server
 * @param issuedAt    when the district published it
 * @param architecture the package's Debian architecture ({@code arm64}, {@code amd64}, {@code all}
 *                    …), read from the package by the district; null in a manifest of a district
 *                    older than this field (decision 0255), which stations then leave to dpkg
 */
public record UpdateManifest(String schema, int district, String packageName, String version, String sha256,
                             long size, String url, Instant issuedAt, String architecture) {
    /** Schema name and version. */
    public static final String SCHEMA = "ws.update-manifest/1";
    /** The only package a station installs from a manifest. */
    public static final String PACKAGE = "warm-station-terminal";
    /** What a download URL may look like: http or https, a host name or IPv4 address, a port, a path. */
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile(
            "https?://[A-Za-z0-9]([A-Za-z0-9.-]{0,252})(:[0-9]{1,5})?(/[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?");
    /** A Debian architecture name, as {@code dpkg --print-architecture} prints it. */
    public static final java.util.regex.Pattern ARCHITECTURE = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");
    /** Largest package a station downloads: 1 GiB. */
    public static final long MAX_SIZE = 1L << 30;

    /** @throws IllegalArgumentException naming the first invalid field */
    public UpdateManifest {
        Check.schema(schema, SCHEMA);
        Check.district(district);
        if (!PACKAGE.equals(packageName)) {
            throw new IllegalArgumentException("packageName must be " + PACKAGE + ": " + Check.abbreviate(packageName));
        }
        DebianVersion.check(version);
        Objects.requireNonNull(sha256, "sha256");
        if (!Check.HEX_32_BYTES.matcher(sha256).matches()) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be 1.." + MAX_SIZE + " bytes: " + size);
        }
        checkUrl(url);
        Objects.requireNonNull(issuedAt, "issuedAt");
        if (architecture != null && !ARCHITECTURE.matcher(architecture).matches()) {
            throw new IllegalArgumentException("architecture must be a Debian architecture name: '"
                    + Check.abbreviate(architecture) + "'");
        }
    }

    /**
     * @param stationArchitecture what {@code dpkg --print-architecture} prints on the station
     * @return whether the package can be installed there: it names no architecture (an older
     *         district), is {@code all}, or is the station's
     */
    public boolean installableOn(String stationArchitecture) {
        return architecture == null || "all".equals(architecture) || architecture.equals(stationArchitecture);
    }

    /**
     * @param district  the district
     * @param version   the package version
     * @param sha256    hex SHA-256 of the file
     * @param size      file size in bytes
     * @param url       download URL
     * @param issuedAt  publication instant
     * @return the manifest of {@link #PACKAGE}, naming no architecture
     * @throws IllegalArgumentException naming the first invalid field
     */
    public static UpdateManifest of(int district, String version, String sha256, long size, String url, Instant issuedAt) {
        return new UpdateManifest(SCHEMA, district, PACKAGE, version, sha256, size, url, issuedAt, null);
    }

    /**
     * @param district     the district
     * @param version      the package version
     * @param architecture the package's Debian architecture, e.g. {@code arm64}
     * @param sha256       hex SHA-256 of the file
     * @param size         file size in bytes
     * @param url          download URL
     * @param issuedAt     publication instant
     * @return the manifest of {@link #PACKAGE} for that architecture
     * @throws IllegalArgumentException naming the first invalid field
     */
    public static UpdateManifest of(int district, String version, String architecture, String sha256, long size,
                                    String url, Instant issuedAt) {
        Objects.requireNonNull(architecture, "architecture");
        return new UpdateManifest(SCHEMA, district, PACKAGE, version, sha256, size, url, issuedAt, architecture);
    }

    private static void checkUrl(String url) {
        Objects.requireNonNull(url, "url");
        Check.text("url", url, 500);
        if (!URL.matcher(url).matches()) {
            throw new IllegalArgumentException("url must be http(s)://host[:port]/path without user info or spaces: "
                    + Check.abbreviate(url));
        }
    }
}
