package org.warmstation.provisioning.district;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.files.SafeFiles;

/**
 * The district's signing key files and trust list on the office computer: creates a key
 * ({@code district-ID.key}, PEM, mode 600, never overwritten), rotates it (the old key is kept as
 * {@code district-ID-KEYID.key} and stays in the trust list so issued cards keep working), and
 * reads key files and trust lists. All methods block on file I/O.
 */
public final class DistrictKeyFiles {
    /** Name of the trust list written beside the keys. */
    public static final String TRUST_LIST = "trust-list.txt";

    private static final Pattern DISTRICT_ID = Pattern.compile("[1-9][0-9]{5}");

    /**
     * What {@link #init} made.
     *
     * @param key       the new key
     * @param keyFile   its PEM file
     * @param archived  where the previous key was moved on rotation, if any
     * @param trustFile the trust list
     * @param trustList its content
     */
    public record InitResult(DistrictKey key, Path keyFile, Optional<Path> archived, Path trustFile,
                             TrustList trustList) {
    }

    private DistrictKeyFiles() {
    }

    /**
     * @param districtId a district id
     * @return the key file name, {@code district-ID.key}
     */
    public static String keyFileName(int districtId) {
        return "district-" + districtId + ".key";
    }

    /**
     * Checks a district id typed by a person.
     *
     * @param text the text
     * @return the 6-digit administrative division code as a number
     * @throws ProvisioningException (usage) when it is not 6 digits
     */
    public static int parseDistrictId(String text) throws ProvisioningException {
        if (text == null || !DISTRICT_ID.matcher(text.strip()).matches()) {
            throw new ProvisioningException(ProvisioningException.USAGE, "district must be a 6-digit administrative"
                    + " division code such as 110105 (found '" + text + "')");
        }
        return Integer.parseInt(text.strip());
    }

    /**
     * Generates a district key and writes it with the trust list.
     *
     * @param districtId the district
     * @param dir        the folder for the key and the trust list; created (mode 700) if missing
     * @param rotate     whether an existing key may be replaced by a new one; the old key is kept
     * @param now        the trust list's issue instant
     * @return what was written
     * @throws ProvisioningException when a key exists and {@code rotate} is false, an existing key
     *                               or trust list is unreadable, or a file cannot be written
     */
    public static InitResult init(int districtId, Path dir, boolean rotate, Instant now) throws ProvisioningException {
        Path keyFile = dir.resolve(keyFileName(districtId));
        Path trustFile = dir.resolve(TRUST_LIST);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            boolean exists = Files.exists(keyFile);
            if (exists && !rotate) {
                throw new ProvisioningException(ProvisioningException.FAILED, keyFile + " already exists; a district"
                        + " key is never overwritten. To start using a new key and keep the old one, add --rotate.");
            }
            List<TrustedKey> keys = new ArrayList<>();
            if (Files.exists(trustFile)) {
                keys.addAll(readTrustList(trustFile).keys());
            }
            DistrictKey key = DistrictKey.generate(districtId);
            Optional<Path> archived = Optional.empty();
            if (exists) {
                DistrictKey old = readKey(keyFile);
                if (keys.stream().noneMatch(k -> k.publicKey().equals(old.keyPair().getPublic()))) {
                    keys.add(old.trustedKey());
                }
                Path to = dir.resolve("district-" + districtId + "-" + String.format("%04x", old.keyId()) + ".key");
                SafeFiles.renameNoReplace(keyFile, to);
                archived = Optional.of(to);
            }
            SafeFiles.createPrivate(keyFile, key.toPem());
            keys.add(key.trustedKey());
            TrustList list = new TrustList(now, keys);
            SafeFiles.replaceText(trustFile, list.format());
            return new InitResult(key, keyFile, archived, trustFile, list);
        } catch (FileAlreadyExistsException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, e.getFile() + " already exists; not overwritten", e);
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.FAILED, "cannot write in " + dir + ": " + e, e);
        }
    }

    /**
     * Reads a district key file.
     *
     * @param file a PEM file written by {@link #init}
     * @return the key
     * @throws ProvisioningException (usage) when the file is missing, unreadable or not a key file
     */
    public static DistrictKey readKey(Path file) throws ProvisioningException {
        try {
            return DistrictKey.fromPem(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "key file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "cannot read key file " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a trust list file.
     *
     * @param file a trust list
     * @return its content
     * @throws ProvisioningException (usage) when the file is missing, unreadable or not a trust list
     */
    public static TrustList readTrustList(Path file) throws ProvisioningException {
        try {
            return TrustList.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "trust list " + file + " does not exist", e);
        } catch (IOException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "cannot read trust list " + file + ": " + e, e);
        } catch (IllegalArgumentException e) {
            throw new ProvisioningException(ProvisioningException.USAGE, "trust list " + file + ": " + e.getMessage(), e);
        }
    }
}
