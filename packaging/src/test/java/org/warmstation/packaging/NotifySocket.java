package org.warmstation.packaging;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A Unix datagram socket bound to a path, like systemd's {@code NOTIFY_SOCKET}, made with libc
 * through the FFM API (the JDK has no Unix datagram sockets). Receives without blocking.
 */
final class NotifySocket implements AutoCloseable {
    private static final int AF_UNIX = 1;
    private static final int SOCK_DGRAM = 2;
    private static final int MSG_DONTWAIT = 0x40;
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle SOCKET = libc("socket",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
    private static final MethodHandle BIND = libc("bind",
            FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
    private static final MethodHandle RECV = libc("recv",
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = libc("close", FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    private final Arena arena = Arena.ofShared();
    private final int fd;

    NotifySocket(Path path) throws Throwable {
        fd = (int) SOCKET.invokeExact(AF_UNIX, SOCK_DGRAM, 0);
        if (fd < 0) {
            throw new IllegalStateException("socket() failed");
        }
        MemorySegment address = arena.allocate(110); // struct sockaddr_un
        address.set(ValueLayout.JAVA_SHORT, 0, (short) AF_UNIX);
        byte[] name = path.toString().getBytes(StandardCharsets.UTF_8);
        MemorySegment.copy(name, 0, address, ValueLayout.JAVA_BYTE, 2, name.length);
        if ((int) BIND.invokeExact(fd, address, 110) != 0) {
            throw new IllegalStateException("bind(" + path + ") failed");
        }
    }

    /** @return the messages waiting now, oldest first */
    List<String> receive() throws Throwable {
        List<String> messages = new ArrayList<>();
        MemorySegment buffer = arena.allocate(4096);
        while (true) {
            long n = (long) RECV.invokeExact(fd, buffer, 4096L, MSG_DONTWAIT);
            if (n < 0) {
                return messages;
            }
            messages.add(new String(buffer.asSlice(0, n).toArray(ValueLayout.JAVA_BYTE), StandardCharsets.UTF_8));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            int ignored = (int) CLOSE.invokeExact(fd);
        } catch (Throwable e) {
            throw new Exception(e);
        } finally {
            arena.close();
        }
    }

    private static MethodHandle libc(String name, FunctionDescriptor descriptor) {
        return LINKER.downcallHandle(LINKER.defaultLookup().find(name).orElseThrow(), descriptor);
    }
}
