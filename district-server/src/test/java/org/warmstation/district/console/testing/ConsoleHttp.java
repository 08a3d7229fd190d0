package org.warmstation.district.console.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plain HTTP client of the console for access tests: keeps cookies like a browser, never follows
 * redirects (tests see the 303), and adds the CSRF token to {@link #post} (taken from the
 * {@code csrf-token} meta tag of a page). Not thread-safe.
 */
public final class ConsoleHttp {
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]*)\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;

    /**
     * An answer.
     *
     * @param status  HTTP status
     * @param body    body as UTF-8 text
     * @param headers headers
     */
    public record Response(int status, String body, HttpHeaders headers) {
        /**
         * @param name a header
         * @return its first value, or empty
         */
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** @return the redirect target, or empty */
        public Optional<String> location() {
            return header("Location");
        }
    }

    /** @param base the console's base URL */
    public ConsoleHttp(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * @param pathAndQuery e.g. {@code /reports?from=2026-12-01}
     * @param headers      extra headers as name, value, name, value...
     * @return the answer
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     */
    public Response get(String pathAndQuery, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).GET().timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    /**
     * Posts a form with this client's current CSRF token added as {@code _csrf}.
     *
     * @param path path
     * @param form fields
     * @return the answer
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     */
    public Response post(String path, Map<String, String> form) throws IOException, InterruptedException {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put("_csrf", csrfToken());
        return postWithoutCsrf(path, f);
    }

    /**
     * Posts a form exactly as given (no CSRF token added).
     *
     * @param path path
     * @param form fields
     * @return the answer
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     */
    public Response postWithoutCsrf(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build());
    }

    /**
     * Logs in through the login form.
     *
     * @param name     login
     * @param password password
     * @return the answer (303 on success, 401 refused or locked)
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     */
    public Response login(String name, String password) throws IOException, InterruptedException {
        return post("/login", Map.of("username", name, "password", password));
    }

    /**
     * @return the token a form would carry now: from the overview when logged in, else from the
     *         login page
     * @throws IOException          when the console does not answer
     * @throws InterruptedException when interrupted
     */
    public String csrfToken() throws IOException, InterruptedException {
        Response r = get("/");
        if (r.status() != 200) {
            r = get("/login");
        }
        Matcher m = CSRF_META.matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no csrf-token meta tag in " + r.status() + " " + r.body());
        }
        return m.group(1);
    }

    /**
     * Sends a GET over a plain socket with the request target exactly as given (for targets
     * {@link URI} refuses, such as broken percent-encoding), with this client's cookies.
     *
     * @param target request target, e.g. {@code /reports?from=%zz}
     * @return status and body (headers empty)
     * @throws IOException when the console does not answer
     */
    public Response rawGet(String target) throws IOException {
        URI u = URI.create(base);
        String cookie = cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        try (java.net.Socket s = new java.net.Socket(u.getHost(), u.getPort())) {
            s.setSoTimeout(30_000);
            String req = "GET " + target + " HTTP/1.1\r\nHost: " + u.getHost() + ":" + u.getPort() + "\r\n"
                    + (cookie.isEmpty() ? "" : "Cookie: " + cookie + "\r\n") + "Connection: close\r\n\r\n";
            s.getOutputStream().write(req.getBytes(StandardCharsets.ISO_8859_1));
            s.getOutputStream().flush();
            String all = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            int bodyAt = all.indexOf("\r\n\r\n");
            return new Response(status, bodyAt < 0 ? "" : all.substring(bodyAt + 4),
                    HttpHeaders.of(Map.of(), (a, b) -> true));
        }
    }

    /**
     * @param name a cookie name
     * @return its value, or empty
     */
    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst();
    }

    private Response send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Response(r.statusCode(), r.body(), r.headers());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
