package org.warmstation.sync.update;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Objects;
import java.util.function.ToLongFunction;

/**
 * Downloads a package into a partial file and resumes where it stopped (HTTP {@code Range}).
 * Before each request it checks the free space: the rest of the file plus a reserve must fit,
 * else {@link DiskFullException}; the disk filling up while writing is the same. A response that
 * ends before the manifest's size is a {@link TruncatedException}: the bytes so far stay for the
 * next attempt. Blocks on the network and disk; one download per instance at a time.
 */
public final class PackageDownloader {
    /** The file would not fit (or the disk filled up): the partial file has been removed. */
    public static final class DiskFullException extends IOException {
        private static final long serialVersionUID = 1L;

        DiskFullException(String message) {
            super(message);
        }
    }

    /** The server sent fewer bytes than the manifest's size; the partial file is kept for resuming. */
    public static final class TruncatedException extends IOException {
        private static final long serialVersionUID = 1L;

        TruncatedException(String message) {
            super(message);
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final long reserveBytes;
    private final ToLongFunction<Path> usableSpace;

    /**
     * @param client       the HTTP client
     * @param timeout      longest wait for the response headers and between reads
     * @param reserveBytes free space to leave for the visit log, in bytes
     * @param usableSpace  free bytes of the file system holding a path (the real one:
     *                     {@link #fileStoreSpace})
     */
    public PackageDownloader(HttpClient client, Duration timeout, long reserveBytes, ToLongFunction<Path> usableSpace) {
        this.client = Objects.requireNonNull(client, "client");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.reserveBytes = reserveBytes;
        this.usableSpace = Objects.requireNonNull(usableSpace, "usableSpace");
    }

    /**
     * @param path a path whose folder exists
     * @return the usable bytes of its file system, or {@link Long#MAX_VALUE} when unknown
     */
    public static long fileStoreSpace(Path path) {
        try {
            return Files.getFileStore(path).getUsableSpace();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * Downloads until {@code part} holds {@code size} bytes.
     *
     * @param url  where the package is
     * @param part the partial file (created, or resumed when it exists)
     * @param size the manifest's size in bytes
     * @throws DiskFullException   when the rest does not fit beside the reserve, or the disk filled up
     * @throws TruncatedException  when the response ended early (retry to resume)
     * @throws IOException         when the server answers an error status, sends more than
     *                             {@code size}, or the connection fails
     * @throws InterruptedException when the thread is interrupted
     */
    public void download(URI url, Path part, long size) throws IOException, InterruptedException {
        Files.createDirectories(part.getParent());
        long have = Files.exists(part) ? Files.size(part) : 0;
        if (have > size) {
            Files.delete(part);
            have = 0;
        }
        if (have == size) {
            return;
        }
        long free = usableSpace.applyAsLong(part.getParent());
        if (free - reserveBytes < size - have) {
            Files.deleteIfExists(part);
            throw new DiskFullException(String.format("disk full: %d MB to download, %d MB free, %d MB kept free",
                    (size - have) >> 20, free >> 20, reserveBytes >> 20));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout).GET();
        if (have > 0) {
            request.header("Range", "bytes=" + have + "-");
        }
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            boolean append = status == 206 && have > 0;
            if (status != 200 && !append) {
                throw new IOException("download answered HTTP " + status + " for " + url);
            }
            long written = copy(body, part, append, size);
            if (written < size) {
                throw new TruncatedException("download ended after " + written + " of " + size + " bytes");
            }
        }
    }

    private static int read(InputStream body, byte[] buf, long total, long size) throws TruncatedException {
        try {
            return body.read(buf);
        } catch (IOException e) {
            throw new TruncatedException("download broke off after " + total + " of " + size + " bytes: " + e.getMessage());
        }
    }

    private long copy(InputStream body, Path part, boolean append, long size) throws IOException {
        try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] buf = new byte[64 * 1024];
            long total = out.size();
            int n;
            while ((n = read(body, buf, total, size)) >= 0) {
                if (total + n > size) {
                    out.close();
                    Files.deleteIfExists(part);
                    throw new IOException("download is larger than the manifest's " + size + " bytes");
                }
                ByteBuffer b = ByteBuffer.wrap(buf, 0, n);
                try {
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                } catch (IOException e) {
                    if (String.valueOf(e.getMessage()).contains("No space left")) {
                        out.close();
                        Files.deleteIfExists(part);
                        throw new DiskFullException("disk full while downloading: " + e.getMessage());
                    }
                    throw e;
                }
                total += n;
            }
            out.force(true);
            return total;
        }
    }
}
