package org.warmstation.district.console;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns every refusal and failure into a clear answer: a message page ({@code error.html}, zh/en)
 * for pages, {@code {"status":N,"error":"..."}} for data routes (and for clients that accept only
 * JSON). A server failure is logged with its stack trace and answered 500 with a short message,
 * never the trace.
 *
 * <p>Thread-safe.
 */
public final class ErrorPages {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorPages.class);
    /** Request attribute a route sets to say it answers data, not a page. */
    static final String DATA_ATTR = "console.data";

    private final PageRenderer renderer;

    /** @param renderer the template renderer */
    public ErrorPages(PageRenderer renderer) {
        this.renderer = renderer;
    }

    /**
     * Answers a refused request.
     *
     * @param e   the refusal
     * @param ctx the request
     */
    public void refused(ConsoleException e, Context ctx) {
        answer(ctx, e.status(), e.messageKey(), e.args());
    }

    /**
     * Answers Javalin's own refusals (unknown route, bad method, body too large...).
     *
     * @param e   the refusal
     * @param ctx the request
     */
    public void javalin(HttpResponseException e, Context ctx) {
        int status = e.getStatus();
        answer(ctx, status, status == 404 ? "error.notFound" : status == 405 ? "error.notFound" : "error.status",
                new Object[] {ctx.path(), status});
    }

    /**
     * Answers an unknown route (Javalin's 404 without a body yet).
     *
     * @param ctx the request
     */
    public void notFound(Context ctx) {
        if (ctx.result() == null || ctx.result().isEmpty()) {
            answer(ctx, 404, "error.notFound", new Object[] {ctx.path()});
        }
    }

    /**
     * Answers a server failure: logged in full, 500 with a short message.
     *
     * @param e   the failure
     * @param ctx the request
     */
    public void failed(Exception e, Context ctx) {
        LOG.error("console request {} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, 500, "error.server", new Object[0]);
    }

    private void answer(Context ctx, int status, String key, Object[] args) {
        ctx.status(status);
        Lang lang = Lang.of(ctx);
        if (wantsJson(ctx)) {
            Map<String, Object> vars = new HashMap<>();
            vars.put("key", key);
            vars.put("args", args);
            String message = renderer.renderFragment("error", "text", lang, vars).strip();
            ctx.contentType("application/json; charset=UTF-8");
            ctx.result("{\"status\":" + status + ",\"error\":\"" + jsonEscape(message) + "\"}");
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("status", status);
        model.put("key", key);
        model.put("args", args);
        try {
            renderer.render(ctx, "error", model);
        } catch (Exception | LinkageError failure) {
            LOG.error("rendering the error page failed", failure);
            ctx.contentType("text/plain; charset=UTF-8");
            ctx.result(status + " " + key);
        }
    }

    private static boolean wantsJson(Context ctx) {
        if (Boolean.TRUE.equals(ctx.attribute(DATA_ATTR))) {
            return true;
        }
        String accept = ctx.header("Accept");
        return accept != null && accept.contains("application/json") && !accept.contains("text/html");
    }

    static String jsonEscape(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
