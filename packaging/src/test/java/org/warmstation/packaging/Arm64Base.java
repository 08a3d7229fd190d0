package org.warmstation.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the Debian 13 arm64 base of {@link DebianRoot#freshArm64Copy} without emulating any package
 * configuration (decision 0235): {@code debootstrap --foreign} (stage 1, native) resolves the
 * dependencies of minbase + {@code adduser} + {@link DebianRoot#ARM64_PACKAGES} and downloads them;
 * every downloaded {@code .deb} is then unpacked on the host ({@code dpkg-deb --fsys-tarfile | tar}),
 * and only what the maintainer scripts would have done that the arm64 test needs is done by hand:
 * {@code /etc/passwd}, {@code /etc/group} (and their shadow files) from base-passwd's masters, a
 * real {@code /proc} folder, and the loader cache ({@code ldconfig}, the one emulated step).
 *
 * <p>Narrower than a real install, on purpose: no maintainer script of a Debian package runs on
 * arm64 (no debconf, alternatives, fontconfig cache, ca-certificates, systemd units), and dpkg's
 * status database lists none of them (so our package is installed with {@code --force-depends}).
 * The emulated {@code debootstrap --second-stage} and {@code apt-get install} this replaces took 42
 * minutes of wall time on a loaded 2-core machine; this takes about a minute, mostly the download.
 */
final class Arm64Base {
    private Arm64Base() {
    }

    /**
     * Builds the base into {@code base} (which must not exist), printing the time of each step.
     * Blocks; needs root, debootstrap and arm64 programs running here ({@link ForeignArch}).
     *
     * @param base   folder to create
     * @param mirror Debian mirror URL ({@link DebianRoot#mirror()})
     * @throws IOException    when a command cannot be started
     * @throws AssertionError when a step fails (with its output)
     */
    static void build(Path base, String mirror) throws IOException, InterruptedException {
        long start = System.nanoTime();
        List<String> include = new ArrayList<>(List.of("adduser"));
        include.addAll(DebianRoot.ARM64_PACKAGES);
        Shell.run(null, Duration.ofMinutes(20), List.of("debootstrap", "--foreign", "--arch=arm64", "--variant=minbase",
                "--include=" + String.join(",", include), DebianRoot.SUITE, base.toString(), mirror)).orFail();
        long downloaded = System.nanoTime();
        Path archives = base.resolve("var/cache/apt/archives");
        int debs;
        try (var files = Files.list(archives)) {
            debs = (int) files.filter(f -> f.toString().endsWith(".deb")).count();
        }
        System.out.printf("debian root: arm64 stage 1 (resolve, download %d packages, native) in %.0f s%n", debs,
                (downloaded - start) / 1e9);
        // every package's files, unpacked natively; --keep-directory-symlink keeps /bin -> usr/bin (merged /usr)
        Shell.run(null, Duration.ofMinutes(10), List.of("sh", "-c", """
                set -e
                for deb in "$0"/var/cache/apt/archives/*.deb; do
                  dpkg-deb --fsys-tarfile "$deb" | tar -x --keep-directory-symlink -C "$0"
                done
                rm -f "$0"/var/cache/apt/archives/*.deb
                # debootstrap --foreign leaves /proc a link to the host's; the second stage would make it a folder
                if [ -L "$0/proc" ]; then rm "$0/proc"; mkdir "$0/proc"; fi
                # what base-passwd's postinst does, and shadow files as passwd's would make them
                cp "$0/usr/share/base-passwd/passwd.master" "$0/etc/passwd"
                cp "$0/usr/share/base-passwd/group.master" "$0/etc/group"
                awk -F: '{print $1":*:20000:0:99999:7:::"}' "$0/etc/passwd" > "$0/etc/shadow"
                awk -F: '{print $1":*::"}' "$0/etc/group" > "$0/etc/gshadow"
                chmod 640 "$0/etc/shadow" "$0/etc/gshadow"
                chgrp 42 "$0/etc/shadow" "$0/etc/gshadow"
                """, base.toString())).orFail();
        long unpacked = System.nanoTime();
        System.out.printf("debian root: arm64 %d packages unpacked natively with dpkg-deb in %.0f s%n", debs,
                (unpacked - downloaded) / 1e9);
        Shell.run(null, Duration.ofMinutes(5), new DebianRoot(base).commandLine("/sbin/ldconfig")).orFail();
        System.out.printf("debian root: arm64 ldconfig (emulated) in %.0f s; base built in %.0f s%n",
                (System.nanoTime() - unpacked) / 1e9, (System.nanoTime() - start) / 1e9);
    }
}
