package org.warmstation.packaging;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The district's package download for the update E2E: serves files by name with {@code Range},
 * and cuts the first response of a file short when asked (a truncated download the station must
 * resume). Records each request as {@code NAME RANGE}.
 */
final class DebServer implements AutoCloseable {
    private final HttpServer server;
    private final Map<String, Path> files = new ConcurrentHashMap<>();
    private final Map<String, Long> cutFirstAt = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    DebServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/updates/", this::serve);
        server.start();
    }

    /**
     * @param name      the file name in the URL
     * @param file      the file
     * @param cutFirst  bytes the first response sends before it ends, or 0 for whole responses
     * @return its URL
     */
    String serve(String name, Path file, long cutFirst) {
        files.put(name, file);
        if (cutFirst > 0) {
            cutFirstAt.put(name, cutFirst);
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/updates/" + name;
    }

    private void serve(HttpExchange ex) throws IOException {
        String name = ex.getRequestURI().getPath().substring("/updates/".length());
        String range = ex.getRequestHeaders().getFirst("Range");
        requests.add(name + " " + range);
        Path file = files.get(name);
        if (file == null) {
            ex.sendResponseHeaders(404, -1);
            ex.close();
            return;
        }
        long size = Files.size(file);
        long from = range == null ? 0 : Long.parseLong(range.substring("bytes=".length(), range.length() - 1));
        Long cut = cutFirstAt.remove(name);
        long to = cut == null ? size : Math.min(size, from + cut);
        if (cut != null) {
            ex.sendResponseHeaders(range == null ? 200 : 206, 0); // chunked, ends early but cleanly
        } else {
            if (range != null) {
                ex.getResponseHeaders().add("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
            }
            ex.sendResponseHeaders(range == null ? 200 : 206, to - from);
        }
        try (InputStream in = Files.newInputStream(file); OutputStream out = ex.getResponseBody()) {
            in.skipNBytes(from);
            byte[] buf = new byte[64 * 1024];
            long left = to - from;
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                out.write(buf, 0, n);
                left -= n;
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
