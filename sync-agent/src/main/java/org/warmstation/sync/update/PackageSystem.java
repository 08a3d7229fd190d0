package org.warmstation.sync.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The operating system's side of an update: which version of the terminal package is installed,
 * installing a {@code .deb}, restarting the kiosk. Behind this interface so that every refusal is
 * tested without touching the machine ({@link DpkgPackageSystem} is the real one). Methods block
 * until the process ends.
 */
public interface PackageSystem {
    /**
     * @return the installed version of {@code warm-station-terminal}, or empty when it is not installed
     * @throws IOException when the package database cannot be read
     */
    Optional<String> installedVersion() throws IOException;

    /**
     * @return this machine's Debian architecture as {@code dpkg --print-architecture} prints it
     *         (e.g. {@code arm64}), or empty when it cannot be told (then dpkg decides at install)
     * @throws IOException when dpkg cannot be run
     */
    Optional<String> architecture() throws IOException;

    /**
     * Installs (upgrades to or downgrades to) a package file, as {@code dpkg -i}.
     *
     * @param deb the package file
     * @throws IOException with the installer's output when it fails
     */
    void install(Path deb) throws IOException;

    /**
     * Restarts the kiosk service so that the installed version runs; returns once the restart is
     * queued.
     *
     * @throws IOException when the service manager refuses
     */
    void restartKiosk() throws IOException;
}
