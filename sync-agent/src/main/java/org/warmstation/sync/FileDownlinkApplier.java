package org.warmstation.sync;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.channels.FileChannel;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.store.SqliteTicketStore;
import org.warmstation.protocol.wire.Wire;

/**
 * Applies downlinks as files in a directory: {@value #TRUST_LIST}, {@value #DENY_LIST},
 * {@value #SETTINGS} and, beside the settings, {@value #NEIGHBOURS}, each written to a temporary file in the same directory, forced to storage,
 * then atomically moved over the old one, so a reader sees the old or the new file, never half of
 * one, also across power loss. Blocks on the file system.
 */
public final class FileDownlinkApplier implements DownlinkApplier {
    /** Trust list file name (text form of {@link TrustList}). */
    public static final String TRUST_LIST = "trust-list.txt";
    /** Deny list file name (text form of {@link DenyList}). */
    public static final String DENY_LIST = "deny-list.txt";
    /** Station settings file name (JSON of {@link StationSettings}). */
    public static final String SETTINGS = "station-settings.json";
    /**
     * The settings document in force before the last one applied, beside the settings file: its
     * bytes, or an empty file when there was none (decision 0211).
     */
    public static final String PREVIOUS_SETTINGS = "station-settings.previous.json";
    /** Neighbour list file name (JSON of {@link Neighbours}), in the settings file's directory. */
    public static final String NEIGHBOURS = "neighbours.json";
    private static final Logger LOG = LoggerFactory.getLogger(FileDownlinkApplier.class);

    private final Path trustFile;
    private final Path denyFile;
    private final Path settingsFile;
    private volatile Version lastDeny;
    private volatile Version lastTrust;
    private final Path ticketsDirectory;

    /** @param directory where the files live; created when missing */
    public FileDownlinkApplier(Path directory) {
        this(directory.resolve(TRUST_LIST), directory.resolve(DENY_LIST), directory.resolve(SETTINGS));
    }

    /**
     * Files where a station's configuration puts them (its {@code trust.file}, deny-list and
     * settings file); each written the same atomic way in its own directory.
     *
     * @param trustFile    the trust list file
     * @param denyFile     the deny-list file
     * @param settingsFile the station settings file
     */
    public FileDownlinkApplier(Path trustFile, Path denyFile, Path settingsFile) {
        this(trustFile, denyFile, settingsFile, null);
    }

    private FileDownlinkApplier(Path trustFile, Path denyFile, Path settingsFile, Path ticketsDirectory) {
        this.trustFile = trustFile.toAbsolutePath();
        this.denyFile = denyFile.toAbsolutePath();
        this.settingsFile = settingsFile.toAbsolutePath();
        this.ticketsDirectory = ticketsDirectory;
    }

    /**
     * @param dataDirectory the station's data directory, whose visit log keeps the tickets
     * @return this applier, also applying {@code TICKETS} downlinks to those tickets (one
     *         transaction in the visit log, see {@link SqliteTicketStore#applyStatuses})
     */
    public FileDownlinkApplier withTickets(Path dataDirectory) {
        return new FileDownlinkApplier(trustFile, denyFile, settingsFile, dataDirectory.toAbsolutePath());
    }

    /**
     * {@inheritDoc}
     *
     * <p>Opens the visit log for the call (a status change is rare) and applies the list in one
     * transaction.
     *
     * @throws UnsupportedOperationException without {@link #withTickets}
     */
    @Override
    public void applyTickets(TicketStatuses tickets) {
        if (ticketsDirectory == null) {
            throw new UnsupportedOperationException("this station keeps no tickets");
        }
        try (SqliteTicketStore store = new SqliteTicketStore(ticketsDirectory)) {
            store.applyStatuses(tickets);
        }
    }

    @Override
    public void applyTrustList(TrustList list) throws IOException {
        write(trustFile, list.format().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void applyDenyList(DenyList list) throws IOException {
        write(denyFile, list.format().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes the document as one file (so the station sees all of it or none); a document without
     * a staff PIN carries over the PIN hash of the file it replaces.
     */
    @Override
    public void applySettings(StationSettings settings) throws IOException {
        StationSettings whole = settings.staffPin() != null ? settings : settings.withStaffPin(keptPin());
        write(previousFile(), Files.exists(settingsFile) ? Files.readAllBytes(settingsFile) : new byte[0]);
        write(settingsFile, Wire.encode(whole));
    }

    /** @return the document of the settings file, empty when there is none or it is unreadable (logged) */
    @Override
    public java.util.Optional<StationSettings> settingsInForce() {
        if (!Files.exists(settingsFile)) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(Wire.decode(Files.readAllBytes(settingsFile), StationSettings.class));
        } catch (IOException | RuntimeException e) {
            LOG.warn("station settings unreadable ({}); the station's own settings apply", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    /**
     * Moves the kept previous document ({@value #PREVIOUS_SETTINGS}) back over the settings file
     * atomically, or removes the settings file when there was none before.
     *
     * @throws IllegalStateException when no previous document is kept (no settings applied since)
     */
    @Override
    public java.util.Optional<StationSettings> restorePreviousSettings() throws IOException {
        Path previous = previousFile();
        if (!Files.exists(previous)) {
            throw new IllegalStateException("no previous station settings kept in " + previous);
        }
        byte[] bytes = Files.readAllBytes(previous);
        if (bytes.length == 0) {
            Files.deleteIfExists(settingsFile);
            Files.delete(previous);
            return java.util.Optional.empty();
        }
        StationSettings restored = Wire.decode(bytes, StationSettings.class);
        write(settingsFile, bytes);
        Files.delete(previous);
        return java.util.Optional.of(restored);
    }

    private Path previousFile() {
        return settingsFile.resolveSibling(PREVIOUS_SETTINGS);
    }

    @Override
    public void applyNeighbours(Neighbours neighbours) throws IOException {
        write(neighboursFile(settingsFile), Wire.encode(neighbours));
    }

    /**
     * @param settingsFile the station's settings file
     * @return the neighbour list file beside it
     */
    public static Path neighboursFile(Path settingsFile) {
        return settingsFile.toAbsolutePath().resolveSibling(NEIGHBOURS);
    }

    private String keptPin() {
        if (!Files.exists(settingsFile)) {
            return null;
        }
        try {
            return Wire.decode(Files.readAllBytes(settingsFile), StationSettings.class).staffPin();
        } catch (IOException | RuntimeException e) {
            LOG.warn("previous station settings unreadable ({}); no staff PIN carried over", e.getMessage());
            return null;
        }
    }

    /**
     * Reads the versions from the list files and takes each file's modification time as the time
     * it was received (a list is only ever replaced whole, by a downlink or by hand).
     *
     * @return the versions and times; a missing or unreadable file counts as version 0, never received
     */
    @Override
    public HeldLists held() {
        Version deny = version(denyFile, t -> DenyList.parse(t).version(), lastDeny);
        Version trust = version(trustFile, t -> TrustList.parse(t).version(), lastTrust);
        lastDeny = deny;
        lastTrust = trust;
        return new HeldLists(deny.version(), deny.at(), trust.version(), trust.at());
    }

    private record Version(long version, java.time.Instant at) {
    }

    /** Reads the file's version, or reuses {@code last} when its modification time is the same (called every second). */
    private static Version version(Path file, java.util.function.ToLongFunction<String> parse, Version last) {
        try {
            java.time.Instant at = Files.getLastModifiedTime(file).toInstant();
            if (last != null && at.equals(last.at())) {
                return last;
            }
            return new Version(parse.applyAsLong(Files.readString(file, StandardCharsets.UTF_8)), at);
        } catch (IOException | IllegalArgumentException e) {
            return new Version(0, null);
        }
    }

    /**
     * Writes a file atomically and durably: a temporary file in the same directory, forced to
     * storage, then moved over the target (a reader sees the old or the new file, never half).
     *
     * @param target the file; its directory is created when missing
     * @param bytes  the whole content
     * @throws IOException when it cannot be written; the old file is unchanged then
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path directory = target.getParent();
        String name = target.getFileName().toString();
        Files.createDirectories(directory);
        Path tmp = Files.createTempFile(directory, "." + name, ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(bytes);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
