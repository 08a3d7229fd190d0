package org.warmstation.district.console;

import io.javalin.http.Context;
import java.util.Locale;

/**
 * The console's two languages: Chinese (default) and English. A {@code ?lang=zh|en} parameter
 * chooses and is remembered in the {@value #COOKIE} cookie; otherwise the cookie decides.
 */
public enum Lang {
    /** 简体中文, the default. */
    ZH("zh", "zh-CN", Locale.forLanguageTag("zh")),
    /** English. */
    EN("en", "en", Locale.ENGLISH);

    /** The cookie remembering the choice. */
    public static final String COOKIE = "ws_lang";

    private final String code;
    private final String htmlLang;
    private final Locale locale;

    Lang(String code, String htmlLang, Locale locale) {
        this.code = code;
        this.htmlLang = htmlLang;
        this.locale = locale;
    }

    /** @return {@code zh} or {@code en} */
    public String code() {
        return code;
    }

    /** @return the value of the {@code lang} attribute of {@code <html>} */
    public String htmlLang() {
        return htmlLang;
    }

    /** @return the locale of the message files ({@code _zh}/{@code _en}) */
    public Locale locale() {
        return locale;
    }

    /** @return the other language (for the toggle) */
    public Lang other() {
        return this == ZH ? EN : ZH;
    }

    /**
     * @param code a code or null
     * @return the language of that code, or null when it is none of ours
     */
    public static Lang ofCode(String code) {
        for (Lang l : values()) {
            if (l.code.equalsIgnoreCase(code == null ? "" : code.strip())) {
                return l;
            }
        }
        return null;
    }

    /**
     * @param ctx the request
     * @return its language: the {@code lang} parameter, else the cookie, else Chinese
     */
    public static Lang of(Context ctx) {
        Lang asked = ofCode(ctx.queryParam("lang"));
        if (asked != null) {
            return asked;
        }
        Lang remembered = ofCode(ctx.cookie(COOKIE));
        return remembered != null ? remembered : ZH;
    }
}
