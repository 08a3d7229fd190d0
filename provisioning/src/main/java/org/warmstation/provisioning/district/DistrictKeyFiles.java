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
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Pattern;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.KeyPurpose;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.TrustedKey;
import org.warmstation.provisioning.ProvisioningException;
import org.warmstation.provisioning.files.SafeFiles;

/**
 * The district's signing key files and trust list on the office computer: creates the office key
 * ({@code district-ID.key}: cards and enrollment codes) and the downlink key
 * ({@code district-ID-downlink.key}: for the district server), PEM, mode 600, never overwritten;
 * rotates either (the old card key is kept as {@code district-ID-KEYID.key} and stays in the trust
 * list so issued cards keep working), and reads key files and trust lists. All methods block on
 * file I/O.
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
     * @param downlinkKeyFile the downlink key made by a first init, else empty
     */
    public record InitResult(DistrictKey key, Path keyFile, Optional<Path> archived, Path trustFile,
                             TrustList trustList, Optional<Path> downlinkKeyFile) {
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

    /** Which of the district's keys {@code init --rotate} replaces (decision 0123). */
    public enum Role {
        /** The office key: member cards and enrollment codes ({@code district-ID.key}). */
        CARD(EnumSet.of(KeyPurpose.CARD, KeyPurpose.ENROLLMENT)),
        /** The district server's key: downlinks ({@code district-ID-downlink.key}). */
        DOWNLINK(EnumSet.of(KeyPurpose.DOWNLINK)),
        /**
         * The release key: software update manifests ({@code district-ID-update.key}, issue 15).
         * Not made by a first init; {@code --rotate --role update} makes the first one.
         */
        UPDATE(EnumSet.of(KeyPurpose.UPDATE));

        private final Set<KeyPurpose> purposes;

        Role(Set<KeyPurpose> purposes) {
            this.purposes = purposes;
        }

        /** @return what a key of this role may sign */
        public Set<KeyPurpose> purposes() {
            return purposes;
        }

        String fileName(int districtId) {
            return switch (this) {
                case CARD -> keyFileName(districtId);
                case DOWNLINK -> downlinkKeyFileName(districtId);
                case UPDATE -> updateKeyFileName(districtId);
            };
        }

        String archiveName(int districtId, int keyId) {
            return "district-" + districtId + (this == CARD ? "" : "-" + name().toLowerCase(java.util.Locale.ROOT))
                    + "-" + String.format("%04x", keyId) + ".key";
        }
    }

    /**
     * @param districtId a district id
     * @return the downlink key file name, {@code district-ID-downlink.key}
     */
    public static String downlinkKeyFileName(int districtId) {
        return "district-" + districtId + "-downlink.key";
    }

    /**
     * @param districtId a district id
     * @return the update (release) key file name, {@code district-ID-update.key}
     */
    public static String updateKeyFileName(int districtId) {
        return "district-" + districtId + "-update.key";
    }

    /**
     * As {@link #init(int, Path, boolean, Role, Instant)} rotating the card (office) key.
     *
     * @param districtId the district
     * @param dir        the folder for the keys and the trust list
     * @param rotate     whether an existing key may be replaced by a new one
     * @param now        the trust list's issue instant
     * @return what was written
     * @throws ProvisioningException as that method
     */
    public static InitResult init(int districtId, Path dir, boolean rotate, Instant now) throws ProvisioningException {
        return init(districtId, dir, rotate, Role.CARD, now);
    }

    /**
     * Creates the district's keys and trust list, or rotates one key. A first init writes two keys:
     * the office key {@code district-ID.key} (purposes card, enrollment; stays on the offline office
     * computer) and the downlink key {@code district-ID-downlink.key} (purpose downlink; copied to
     * the district server), and trust list version 1 naming both with their purposes. With
     * {@code rotate}, a new key of {@code role} is made and the trust list's version raised: a
     * rotated card key stays in the trust list (cards it signed stay valid until they expire); a
     * rotated downlink key is replaced in it (downlinks are short-lived; the new list itself is
     * still signed by the old downlink key, which the stations trust until they apply it); a
     * rotated update key is replaced too (a manifest is checked when it arrives). The first update
     * key is made by a rotation with {@code role} UPDATE (issue 15). The old key file is kept as
     * {@code district-ID[-downlink|-update]-KEYID.key}.
     *
     * @param districtId the district
     * @param dir        the folder for the keys and the trust list; created (mode 700) if missing
     * @param rotate     whether an existing key may be replaced by a new one; the old key is kept
     * @param role       which key to make when rotating (a first init makes both)
     * @param now        the trust list's issue instant
     * @return what was written; {@code key} is the new key of {@code role} (the office key on a first init)
     * @throws ProvisioningException when a key exists and {@code rotate} is false, an existing key
     *                               or trust list is unreadable, or a file cannot be written
     */
    public static InitResult init(int districtId, Path dir, boolean rotate, Role role, Instant now)
            throws ProvisioningException {
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
            long version = 0;
            if (Files.exists(trustFile)) {
                TrustList before = readTrustList(trustFile);
                keys.addAll(before.keys());
                version = before.version();
            }
            if (!exists) {
                DistrictKey office = DistrictKey.generate(districtId);
                DistrictKey downlink = DistrictKey.generate(districtId);
                SafeFiles.createPrivate(keyFile, office.toPem());
                Path downlinkFile = dir.resolve(downlinkKeyFileName(districtId));
                SafeFiles.createPrivate(downlinkFile, downlink.toPem());
                keys.add(office.trustedKey(Role.CARD.purposes()));
                keys.add(downlink.trustedKey(Role.DOWNLINK.purposes()));
                TrustList list = new TrustList(now, keys, version + 1);
                SafeFiles.replaceText(trustFile, list.format());
                return new InitResult(office, keyFile, Optional.empty(), trustFile, list, Optional.of(downlinkFile));
            }
            Path roleFile = dir.resolve(role.fileName(districtId));
            DistrictKey key = DistrictKey.generate(districtId);
            Optional<Path> archived = Optional.empty();
            if (Files.exists(roleFile)) {
                DistrictKey old = readKey(roleFile);
                if (role != Role.CARD) {
                    keys.removeIf(k -> k.publicKey().equals(old.keyPair().getPublic()));
                } else if (keys.stream().noneMatch(k -> k.publicKey().equals(old.keyPair().getPublic()))) {
                    keys.add(old.trustedKey(role.purposes()));
                }
                Path to = dir.resolve(role.archiveName(districtId, old.keyId()));
                SafeFiles.renameNoReplace(roleFile, to);
                archived = Optional.of(to);
            }
            SafeFiles.createPrivate(roleFile, key.toPem());
            keys.add(key.trustedKey(role.purposes()));
            TrustList list = new TrustList(now, keys, version + 1);
            SafeFiles.replaceText(trustFile, list.format());
            return new InitResult(key, roleFile, archived, trustFile, list, Optional.empty());
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
