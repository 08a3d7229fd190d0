package org.warmstation.sync.update;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP server serving one package at {@code /p.deb} with {@code Range} support, which can
 * cut its first responses short (a truncated download). Records each request's Range header.
 */
final class PackageServer implements AutoCloseable {
    private final HttpServer server;
    private final byte[] body;
    private final AtomicInteger truncations;
    private final int truncateAt;
    final List<String> ranges = new CopyOnWriteArrayList<>();

    /**
     * @param body        the package bytes
     * @param truncations how many responses to cut short
     * @param truncateAt  how many bytes a cut response sends
     */
    PackageServer(byte[] body, int truncations, int truncateAt) throws IOException {
        this.body = body;
        this.truncations = new AtomicInteger(truncations);
        this.truncateAt = truncateAt;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/p.deb", this::serve);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/p.deb");
    }

    private void serve(HttpExchange ex) throws IOException {
        String range = ex.getRequestHeaders().getFirst("Range");
        ranges.add(String.valueOf(range));
        int from = range == null ? 0 : Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
        int to = body.length;
        if (truncations.getAndDecrement() > 0) {
            to = Math.min(to, from + truncateAt);
            ex.sendResponseHeaders(range == null ? 200 : 206, 0); // chunked: ends cleanly but early
        } else {
            ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (body.length - 1) + "/" + body.length);
            ex.sendResponseHeaders(range == null ? 200 : 206, to - from);
        }
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body, from, to - from);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
