package org.warmstation.kiosk.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All text of the kiosk screen, from the UTF-8 resource bundles {@code messages_zh_CN.properties}
 * and {@code messages_en.properties} next to this class. Immutable and thread-safe.
 */
public final class Messages {
    private static final Logger LOG = LoggerFactory.getLogger(Messages.class);
    /** Base name of the bundles. */
    public static final String BUNDLE = "org.warmstation.kiosk.ui.messages";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * @param locale {@link KioskViewModel#CHINESE} or {@link KioskViewModel#ENGLISH}
     * @return the messages of that language (no fallback to the JVM's default locale)
     * @throws MissingResourceException when there is no bundle for the locale
     */
    public static Messages of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle b = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Messages(b, locale);
    }

    /** @return the locale */
    public Locale locale() {
        return locale;
    }

    /** @return the underlying bundle */
    public ResourceBundle bundle() {
        return bundle;
    }

    /**
     * @param key  a message key
     * @param args arguments for {@link MessageFormat} placeholders; none means the text is used as is
     * @return the text; a missing key is logged and shown as the key itself, never a crash
     */
    public String get(String key, Object... args) {
        String text;
        try {
            text = bundle.getString(key);
        } catch (MissingResourceException e) {
            LOG.error("missing message '{}' for {}", key, locale);
            return key;
        }
        return args.length == 0 ? text : new MessageFormat(text, locale).format(args);
    }

    /**
     * @param value an enum constant
     * @return the text under {@code prefix.NAME}, e.g. {@code category.COURIER}
     */
    public String of(Enum<?> value) {
        return get(keyOf(value));
    }

    /**
     * @param value an enum constant of WorkerCategory, Service, RejectionReason, PeripheralRole,
     *              TicketProblem, TicketStatus or TicketSource
     * @return its message key
     */
    public static String keyOf(Enum<?> value) {
        String prefix = switch (value.getDeclaringClass().getSimpleName()) {
            case "WorkerCategory" -> "category";
            case "Service" -> "service";
            case "RejectionReason" -> "reason";
            case "PeripheralRole" -> "role";
            case "TicketProblem" -> "problem";
            case "TicketStatus" -> "ticketStatus";
            case "TicketSource" -> "ticketSource";
            default -> value.getDeclaringClass().getSimpleName();
        };
        return prefix + "." + value.name();
    }
}
