package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.update.Release;
import org.warmstation.district.update.UpdateQueries;

/**
 * Software updates (issue 15): {@code GET /updates} shows the releases (rollout state, why a
 * rollout stopped) and each station's running version and where its update stands;
 * {@code GET /updates/{version}/{file}} serves a published package to the stations, without login
 * (decision 0216: the station checks the signed manifest's hash, so the file needs no secret), with
 * {@code Range} requests for resuming. An unknown version or file name is a 404.
 */
public final class UpdatesPage implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final Pattern RANGE = Pattern.compile("bytes=([0-9]{1,18})-");

    private final ConsoleServices services;

    /**
     * One release, formatted for the template.
     *
     * @param version   the version
     * @param published when (console time)
     * @param by        who
     * @param target    CANARY or ALL
     * @param state     CANARY, ROLLING, STOPPED or DONE
     * @param reason    why it stopped, or ""
     * @param size      the file size in bytes
     * @param architecture the package's Debian architecture ({@code all} for a release published
     *                  before it was recorded)
     */
    public record ReleaseRow(String version, String published, String by, String target, String state, String reason,
                             long size, String architecture) {
    }

    /**
     * One station, formatted for the template.
     *
     * @param station the id
     * @param name    its name or ""
     * @param running the version it runs or ""
     * @param architecture the Debian architecture it reported or ""
     * @param version the newest release for it or ""
     * @param wave    CANARY, REST or ""
     * @param state   its update state, "WAITING" (not offered yet), "OFFERED" (no report yet) or ""
     * @param detail  the report's detail or ""
     * @param at      when it reported or ""
     */
    public record StationRow(String station, String name, String running, String architecture, String version,
                             String wave, String state, String detail, String at) {
    }

    /** @param services what the page needs */
    public UpdatesPage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/updates", Access.ANALYST, this::page);
        routes.post("/updates/{version}/resume", Access.ADMIN, this::resume);
        routes.data("/updates/{version}/{file}", Access.PUBLIC, this::download);
    }

    private UpdateQueries queries() {
        return new UpdateQueries(services.database(), services.settings().district());
    }

    private void page(Context ctx) throws Exception {
        ZoneId zone = services.clock().getZone();
        UpdateQueries q = queries();
        List<ReleaseRow> releases = q.releases().stream().map(r -> new ReleaseRow(r.version(),
                TIME.format(r.publishedAt().atZone(zone)), r.publishedBy(), r.target(), r.state(),
                r.stopReason() == null ? "" : r.stopReason(), r.size(),
                r.architecture())).toList();
        List<StationRow> stations = q.stations().stream().map(s -> new StationRow(s.station(), orEmpty(s.name()),
                orEmpty(s.running()), orEmpty(s.architecture()), orEmpty(s.version()), orEmpty(s.wave()),
                s.version() == null ? "" : s.state() != null ? s.state() : s.offered() ? "OFFERED" : "WAITING",
                orEmpty(s.detail()), s.reportedAt() == null ? "" : TIME.format(s.reportedAt().atZone(zone)))).toList();
        services.renderer().render(ctx, "updates", Map.of("nav", "updates", "releases", releases, "stations", stations,
                "waiting", q.waiting()));
    }

    /**
     * {@code POST /updates/{version}/resume} with form field {@code architecture} (admins): a stopped
     * rollout goes on to every station of that release (decisions 0265 and 0285).
     */
    private void resume(Context ctx) throws Exception {
        String version = ctx.pathParam("version");
        String architecture = ctx.formParam("architecture");
        if (!org.warmstation.protocol.wire.DebianVersion.SYNTAX.matcher(version).matches() || architecture == null
                || !org.warmstation.protocol.wire.UpdateManifest.ARCHITECTURE.matcher(architecture).matches()) {
            throw ConsoleException.notFound("error.releaseUnknown", version);
        }
        org.warmstation.district.console.auth.ConsoleUser user = services.renderer().user(ctx)
                .orElseThrow(() -> new ConsoleException(401, "error.unauthorized"));
        var rollout = new org.warmstation.district.update.UpdateRollout(services.database(), services.settings().district());
        var release = new org.warmstation.district.update.Release.Key(version, architecture);
        switch (rollout.resume(release, "console:" + user.name(), services.clock().instant())) {
            case UNKNOWN -> throw ConsoleException.notFound("error.releaseUnknown", version);
            case NOT_STOPPED -> throw new ConsoleException(409, "error.releaseNotStopped", version);
            case ROLLING, DONE -> ctx.redirect("/updates", io.javalin.http.HttpStatus.SEE_OTHER);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private void download(Context ctx) throws Exception {
        String version = ctx.pathParam("version");
        String file = ctx.pathParam("file");
        Optional<Release> release = version.length() > 64 || file.length() > 200 ? Optional.empty()
                : queries().release(version, file);
        if (release.isEmpty() || !Files.isRegularFile(release.get().path())) {
            throw ConsoleException.notFound("error.notFound", ctx.path());
        }
        long size = Files.size(release.get().path());
        long from = 0;
        String range = ctx.header("Range");
        if (range != null) {
            Matcher m = RANGE.matcher(range.strip());
            if (!m.matches() || Long.parseLong(m.group(1)) >= size) {
                ctx.status(416).header("Content-Range", "bytes */" + size);
                return;
            }
            from = Long.parseLong(m.group(1));
            ctx.status(206).header("Content-Range", "bytes " + from + "-" + (size - 1) + "/" + size);
        }
        ctx.contentType("application/vnd.debian.binary-package");
        ctx.header("Accept-Ranges", "bytes");
        ctx.res().setContentLengthLong(size - from);
        try (InputStream in = Files.newInputStream(release.get().path()); OutputStream out = ctx.res().getOutputStream()) {
            in.skipNBytes(from);
            in.transferTo(out);
        }
    }
}
