package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a station's software update stands (issue 15), in its status (birth) message and every
 * heartbeat; null there from a station that never had an update offered, or from a terminal
 * before issue 15.
 *
 * @param state   the step reached
 * @param version the package version the update is about (the offered one), {@link DebianVersion#SYNTAX}
 * @param detail  a short reason or progress note for people (e.g. the refusal, bytes downloaded), or null
 * @param at      when the station reached this state (station clock)
 */
public record UpdateReport(State state, String version, String detail, Instant at) {
    /** Longest detail kept: 300 characters. */
    public static final int MAX_DETAIL = 300;

    /** The steps of an update at a station. */
    public enum State {
        /** Offered and verified; downloading (or waiting to retry a download). */
        DOWNLOADING,
        /** Downloaded and verified (size, SHA-256, signature, version); waiting for the install window. */
        READY,
        /** Handed to dpkg; the kiosk restarts with it. */
        INSTALLING,
        /** Installed, and the new version reported healthy (kiosk up, camera, broker) within 5 minutes. */
        HEALTHY,
        /** Installed, not healthy within 5 minutes: the previous package was installed again. */
        ROLLED_BACK,
        /** Refused (bad signature, wrong hash or size, lower version, disk full...): nothing installed. */
        REFUSED,
        /** Could not be carried out (e.g. dpkg failed); the running version stays. */
        FAILED;

        /** @return whether the update is over (nothing more happens without a new offer) */
        public boolean finished() {
            return this == HEALTHY || this == ROLLED_BACK || this == REFUSED || this == FAILED;
        }
    }

    private static final Pattern WRONG_ARCHITECTURE = Pattern.compile(
            "the package is for (\\S+), this terminal is (\\S+): not downloaded");

    /**
     * The detail of a {@link State#REFUSED} report for a package built for another architecture,
     * worded as terminals have worded it since decision 0255 ("the package is for arm64, this
     * terminal is armhf: not downloaded"), so that a district can read the terminal's architecture
     * from it ({@link #refusingArchitecture}, decision 0295).
     *
     * @param packageArchitecture  the package's architecture
     * @param terminalArchitecture the terminal's, as {@code dpkg --print-architecture} prints it
     * @return the detail
     */
    public static String wrongArchitecture(String packageArchitecture, String terminalArchitecture) {
        return "the package is for " + packageArchitecture + ", this terminal is " + terminalArchitecture
                + ": not downloaded";
    }

    /**
     * @return the terminal's architecture, when this is a {@link State#REFUSED} report worded by
     *         {@link #wrongArchitecture} and naming a valid architecture
     *         ({@link UpdateManifest#ARCHITECTURE}); empty for any other report
     */
    public Optional<String> refusingArchitecture() {
        if (state != State.REFUSED || detail == null) {
            return Optional.empty();
        }
        Matcher m = WRONG_ARCHITECTURE.matcher(detail);
        if (!m.matches() || !UpdateManifest.ARCHITECTURE.matcher(m.group(2)).matches()) {
            return Optional.empty();
        }
        return Optional.of(m.group(2));
    }

    /** @throws IllegalArgumentException naming the first invalid field */
    public UpdateReport {
        Objects.requireNonNull(state, "state");
        DebianVersion.check(version);
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "…";
        }
        Objects.requireNonNull(at, "at");
    }
}
