package org.warmstation.district.update;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One published software update of the district: one version for one architecture (table
 * {@code update_release}, decision 0285).
 *
 * @param version     the package version
 * @param fileName    the {@code .deb}'s name in its download URL
 * @param path        the published copy on the district server
 * @param sha256      hex SHA-256 of the file
 * @param size        its size in bytes
 * @param url         where stations download it
 * @param target      {@code CANARY} (canary wave first) or {@code ALL}
 * @param state       {@code CANARY}, {@code ROLLING}, {@code STOPPED} or {@code DONE}
 * @param stopReason  why a rollout stopped, or null
 * @param publishedAt when it was published
 * @param publishedBy who published it
 * @param architecture the package's Debian architecture; {@code all} for a release published before
 *                    it was recorded (decision 0255), whose manifest names none
 */
public record Release(String version, String fileName, Path path, String sha256, long size, String url, String target,
                      String state, String stopReason, Instant publishedAt, String publishedBy, String architecture) {

    /** @return which release this is */
    public Key key() {
        return new Key(version, architecture);
    }

    /**
     * What names a release: a version is published once per architecture (decision 0285).
     *
     * @param version      the package version
     * @param architecture its Debian architecture ({@code arm64}, {@code armhf}, {@code all} ...)
     */
    public record Key(String version, String architecture) {
        /** @throws NullPointerException when a part is null */
        public Key {
            java.util.Objects.requireNonNull(version, "version");
            java.util.Objects.requireNonNull(architecture, "architecture");
        }

        @Override
        public String toString() {
            return version + " (" + architecture + ")";
        }
    }
}
