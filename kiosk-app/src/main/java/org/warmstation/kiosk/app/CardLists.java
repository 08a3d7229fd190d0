package org.warmstation.kiosk.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.TrustList;

/**
 * The card verifier of a station, read from its trust-list and deny-list files and read again
 * whenever a file's modification time changes (the sync agent replaces them). A file that cannot
 * be read or parsed is logged and the lists read before stay in use; with no trust list ever read
 * the supplier gives null, and check-ins fail with a clear message. Thread-safe; {@link #get()}
 * does a file stat per call.
 */
public final class CardLists implements Supplier<CardVerifier> {
    private static final Logger LOG = LoggerFactory.getLogger(CardLists.class);

    private final Path trustFile;
    private final Optional<Path> denyFile;
    private final Set<Integer> districts;
    private final ZoneId zone;
    private FileTime trustSeen;
    private FileTime denySeen;
    private CardVerifier verifier;

    /**
     * @param trustFile the trust list
     * @param denyFile  the deny-list, if any (a missing file means nothing is revoked)
     * @param districtId the station's district
     * @param zone      the station's zone
     */
    public CardLists(Path trustFile, Optional<Path> denyFile, int districtId, ZoneId zone) {
        this.trustFile = Objects.requireNonNull(trustFile, "trustFile");
        this.denyFile = Objects.requireNonNull(denyFile, "denyFile");
        this.districts = Set.of(districtId);
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public synchronized CardVerifier get() {
        FileTime t = modified(trustFile);
        FileTime d = denyFile.map(CardLists::modified).orElse(null);
        if (verifier == null || !Objects.equals(t, trustSeen) || !Objects.equals(d, denySeen)) {
            reload(t, d);
        }
        return verifier;
    }

    private void reload(FileTime t, FileTime d) {
        try {
            TrustList trust = TrustList.parse(Files.readString(trustFile, StandardCharsets.UTF_8));
            DenyList deny = DenyList.empty();
            if (denyFile.isPresent() && Files.exists(denyFile.get())) {
                deny = DenyList.parse(Files.readString(denyFile.get(), StandardCharsets.UTF_8));
            }
            verifier = new CardVerifier(trust, deny, districts, zone);
            LOG.info("card lists loaded: {} trusted keys, {} revoked cards", trust.keys().size(), deny.size());
        } catch (IOException | IllegalArgumentException e) {
            LOG.error("cannot read the card lists ({}); {}", e.getMessage(),
                    verifier == null ? "member cards cannot be checked" : "keeping the lists read before");
        }
        trustSeen = t;
        denySeen = d;
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return null;
        }
    }
}
