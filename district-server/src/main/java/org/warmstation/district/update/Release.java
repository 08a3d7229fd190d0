package org.warmstation.district.update;

import java.nio.file.Path;
import java.time.Instant;

/**
 * One published software update of the district (table {@code update_release}).
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
 * @param architecture the package's Debian architecture, or null for a release published before
 *                    it was recorded (decision 0255)
 */
public record Release(String version, String fileName, Path path, String sha256, long size, String url, String target,
                      String state, String stopReason, Instant publishedAt, String publishedBy, String architecture) {
}
