#!/usr/bin/env bash
# Builds warm-station-terminal_VERSION_ARCH.deb from the files under packaging/root and
# packaging/debian and the jars Maven staged, for one architecture: arm64 (Raspberry Pi) or amd64
# (lab PC). The package holds the jars every architecture shares and that architecture's native
# parts only: JavaFX's linux-aarch64 or linux jars, the embedded PostgreSQL binaries (decision 0210).
# Called by the packaging module in `package`, once per architecture:
#   build-deb.sh MAVEN_VERSION STAGING_DIR AGENT_JAR OUT_DIR ARCH
# Needs dpkg-deb (package dpkg; without it only the tree is assembled); no fakeroot:
# --root-owner-group makes every file root's.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
maven_version="$1" staging="$2" agent_jar="$3" out="$4" arch="$5"
case "$arch" in
  arm64) fx=linux-aarch64 ;;
  amd64) fx=linux-x86_64 ;;
  *) echo "build-deb: architecture must be arm64 or amd64, not '$arch'" >&2; exit 2 ;;
esac

# Debian version: 0.1.0-SNAPSHOT -> 0.1.0~SNAPSHOT (a snapshot sorts before its release)
version="${maven_version//-/\~}"
package=warm-station-terminal
tree="$out/deb-tree-$arch"
rm -rf "$tree"
mkdir -p "$tree/DEBIAN" "$tree/usr/share/warm-station" "$tree/usr/share/doc/$package"

cp -a "$here/root/." "$tree/"
cp -a "$staging/lib" "$tree/usr/share/warm-station/lib"
cp -a "$staging/arch/$arch/lib/." "$tree/usr/share/warm-station/lib/"
cp "$agent_jar" "$tree/usr/share/warm-station/lib/warm-station-watchdog.jar"
mkdir -p "$tree/usr/share/warm-station/javafx"
cp -a "$staging/javafx/$fx" "$tree/usr/share/warm-station/javafx/$fx"
cp "$here/debian/copyright" "$tree/usr/share/doc/$package/copyright"
if [ -f "$here/../docs/install.md" ]; then
  cp "$here/../docs/install.md" "$tree/usr/share/doc/$package/install.md"
fi

# Debian policy 12.7: every package has a changelog (a native one: changelog.gz); ours points at
# the project's CHANGELOG.md
changelog="$tree/usr/share/doc/$package/changelog"
printf '%s (%s) unstable; urgency=medium\n\n  * Built from the warm-station repository; its CHANGELOG.md lists the changes.\n\n -- %s  %s\n' \
  "$package" "$version" "Warm-station terminal maintainers <terminal@warm-station.invalid>" \
  "$(LC_ALL=C date -R -u -d "@${SOURCE_DATE_EPOCH:-$(date +%s)}")" > "$changelog"
gzip -9n "$changelog"

for script in postinst prerm postrm; do
  install -m 0755 "$here/debian/$script" "$tree/DEBIAN/$script"
done
install -m 0644 "$here/debian/conffiles" "$tree/DEBIAN/conffiles"
installed_size="$(du -sk --exclude=DEBIAN "$tree" | cut -f1)"
sed -e "s/@VERSION@/$version/" -e "s/@INSTALLED_SIZE@/$installed_size/" -e "s/@ARCH@/$arch/" \
  "$here/debian/control" > "$tree/DEBIAN/control"

# modes: directories 755, files 644, scripts 755, whatever the checkout's umask was
find "$tree" -type d -exec chmod 0755 {} +
find "$tree" -type f -exec chmod 0644 {} +
chmod 0755 "$tree/usr/bin/warm-station" "$tree/usr/lib/warm-station/kiosk-session" \
  "$tree/usr/lib/warm-station/door-safe" \
  "$tree/DEBIAN/postinst" "$tree/DEBIAN/prerm" "$tree/DEBIAN/postrm"

if ! command -v dpkg-deb >/dev/null; then
  echo "build-deb: dpkg-deb not found (not a Debian system?): package tree in $tree, no .deb built" >&2
  exit 0
fi
deb="$out/${package}_${version}_${arch}.deb"
# jars are compressed already: gzip costs little time and loses little size against xz
dpkg-deb --root-owner-group -Zgzip --build "$tree" "$deb" >/dev/null
echo "build-deb: $deb ($(du -h "$deb" | cut -f1))"
