package org.warmstation.sync.update;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link PackageSystem} that records what it is asked to do and installs nothing. */
final class FakePackages implements PackageSystem {
    volatile String installed;
    volatile String architecture = "arm64";
    volatile boolean dpkgFails;
    volatile Consumer<String> onRestart = v -> { };
    final List<String> calls = new CopyOnWriteArrayList<>();

    FakePackages(String installed) {
        this.installed = installed;
    }

    @Override
    public Optional<String> installedVersion() {
        return Optional.ofNullable(installed);
    }

    @Override
    public Optional<String> architecture() {
        return Optional.ofNullable(architecture);
    }

    @Override
    public void install(Path deb) throws IOException {
        calls.add("install " + deb.getFileName());
        if (dpkgFails && !deb.getFileName().toString().contains(installed)) {
            throw new IOException("dpkg: error processing archive (simulated)");
        }
        String name = deb.getFileName().toString();
        installed = name.substring("warm-station-terminal_".length(), name.length() - ".deb".length());
    }

    @Override
    public void restartKiosk() {
        calls.add("restart");
        onRestart.accept(installed);
    }
}
