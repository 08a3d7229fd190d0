package org.warmstation.packaging;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Objects;

/**
 * Sends service notifications to systemd through {@code sd_notify(3)} of libsystemd, called with
 * the Foreign Function and Memory API: the JDK cannot send to the {@code NOTIFY_SOCKET}, a Unix
 * datagram socket, by itself ({@code DatagramChannel} has no Unix-domain support).
 *
 * <p>Needs {@code --enable-native-access=ALL-UNNAMED} (the launcher passes it; without, the JDK
 * prints a warning and still calls). Thread-safe; each call blocks for one {@code sendmsg}.
 */
final class SdNotify {
    /** The library, present wherever systemd is (package libsystemd0). */
    static final String LIBRARY = "libsystemd.so.0";

    private final MethodHandle sdNotify;

    private SdNotify(MethodHandle sdNotify) {
        this.sdNotify = sdNotify;
    }

    /**
     * @return a notifier bound to libsystemd's {@code sd_notify}
     * @throws IllegalArgumentException when the library cannot be loaded (not a systemd system)
     * @throws java.util.NoSuchElementException when it has no {@code sd_notify}
     */
    static SdNotify load() {
        SymbolLookup library = SymbolLookup.libraryLookup(LIBRARY, Arena.global());
        MethodHandle handle = Linker.nativeLinker().downcallHandle(library.find("sd_notify").orElseThrow(),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
        return new SdNotify(handle);
    }

    /**
     * Sends one notification, e.g. {@code WATCHDOG=1}, to the socket named by the environment
     * variable {@code NOTIFY_SOCKET} (a path or an abstract {@code @name}).
     *
     * @param state newline-separated {@code KEY=VALUE} assignments (sd_notify(3))
     * @return sd_notify's result: positive when sent, 0 when {@code NOTIFY_SOCKET} is unset,
     *         negative errno on failure
     */
    int send(String state) {
        Objects.requireNonNull(state, "state");
        try (Arena arena = Arena.ofConfined()) {
            return (int) sdNotify.invokeExact(0, arena.allocateFrom(state));
        } catch (Throwable e) {
            throw new IllegalStateException("sd_notify failed: " + e, e);
        }
    }
}
