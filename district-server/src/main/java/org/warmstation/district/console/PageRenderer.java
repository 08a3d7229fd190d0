package org.warmstation.district.console;

import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.warmstation.district.console.auth.Authenticator;

/**
 * Renders the console's Thymeleaf templates ({@code classpath:console/templates/NAME.html}) with
 * their own message files beside them ({@code NAME_zh.properties}, {@code NAME_en.properties},
 * UTF-8); fragments of {@code layout.html} resolve {@code layout_*.properties}.
 *
 * <p>Every template gets, besides the page's model: {@code lang} ({@code zh}/{@code en}),
 * {@code htmlLang}, {@code langHref} (this page in the other language), {@code user} (a
 * {@link org.warmstation.district.console.auth.ConsoleUser} or null), {@code csrf} (the token a
 * form must carry in field {@code _csrf}), {@code district} (a String, so messages do not group its digits), {@code k} and {@code path}.
 *
 * <p>Thread-safe (the engine caches parsed templates).
 */
public final class PageRenderer {
    private final TemplateEngine engine;
    private final Authenticator auth;
    private final ConsoleSettings settings;

    /**
     * @param auth     login state of a request (user, CSRF token)
     * @param settings district and k for every page
     */
    public PageRenderer(Authenticator auth, ConsoleSettings settings) {
        this.auth = auth;
        this.settings = settings;
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        resolver.setPrefix("console/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setLinkBuilder(new StandardLinkBuilder() {
            @Override
            protected String computeContextPath(IExpressionContext context, String base, Map<String, Object> parameters) {
                return ""; // the console is served at the root: @{/x} is /x
            }
        });
    }

    /**
     * Renders a template as the response ({@code text/html; charset=UTF-8}); the status is left as
     * the caller set it.
     *
     * @param ctx      the request
     * @param template template name without {@code .html}, e.g. {@code overview}
     * @param model    the page's variables
     * @throws SQLException when the login state cannot be read
     */
    public void render(Context ctx, String template, Map<String, ?> model) throws SQLException {
        Lang lang = Lang.of(ctx);
        rememberLang(ctx, lang);
        Map<String, Object> vars = new HashMap<>();
        vars.put("lang", lang.code());
        vars.put("htmlLang", lang.htmlLang());
        vars.put("langHref", withParam(ctx, "lang", lang.other().code()));
        vars.put("user", auth.user(ctx).orElse(null));
        vars.put("csrf", auth.csrfToken(ctx));
        vars.put("district", String.valueOf(settings.district())); // a text: MessageFormat would group digits
        vars.put("k", settings.k());
        vars.put("path", ctx.path());
        vars.putAll(model);
        ctx.contentType("text/html; charset=UTF-8");
        ctx.result(renderToString(template, lang, vars));
    }

    /**
     * @param ctx the request
     * @return the logged-in user, empty when anonymous (pages behind a login always have one)
     * @throws SQLException when the login state cannot be read
     */
    public java.util.Optional<org.warmstation.district.console.auth.ConsoleUser> user(Context ctx) throws SQLException {
        return auth.user(ctx);
    }

    /**
     * @param template template name without {@code .html}
     * @param lang     language
     * @param vars     all variables
     * @return the rendered HTML
     */
    public String renderToString(String template, Lang lang, Map<String, ?> vars) {
        org.thymeleaf.context.Context tc = new org.thymeleaf.context.Context(lang.locale());
        vars.forEach(tc::setVariable);
        return engine.process(template, tc);
    }

    /**
     * @param template template name without {@code .html}
     * @param fragment a {@code th:fragment} of it
     * @param lang     language
     * @param vars     all variables
     * @return the rendered fragment, with the template's own messages
     */
    public String renderFragment(String template, String fragment, Lang lang, Map<String, ?> vars) {
        org.thymeleaf.context.Context tc = new org.thymeleaf.context.Context(lang.locale());
        vars.forEach(tc::setVariable);
        return engine.process(template, java.util.Set.of(fragment), tc);
    }

    private void rememberLang(Context ctx, Lang lang) {
        if (ctx.queryParam("lang") != null && !lang.code().equals(ctx.cookie(Lang.COOKIE))) {
            auth.setCookie(ctx, Lang.COOKIE, lang.code(), Duration.ofDays(365));
        }
    }

    /**
     * @param ctx   the request
     * @param name  a query parameter
     * @param value its new value
     * @return the request's path and query with that parameter replaced
     */
    static String withParam(Context ctx, String name, String value) {
        StringBuilder q = new StringBuilder(ctx.path()).append('?');
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            if (e.getKey().equals(name)) {
                continue;
            }
            for (String v : e.getValue()) {
                q.append(enc(e.getKey())).append('=').append(enc(v)).append('&');
            }
        }
        return q.append(enc(name)).append('=').append(enc(value)).toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
