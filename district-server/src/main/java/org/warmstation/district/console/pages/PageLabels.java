package org.warmstation.district.console.pages;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;
import org.warmstation.district.console.Lang;

/**
 * A template's own message file ({@code console/templates/NAME_zh.properties}, UTF-8) as a map, for
 * the page's script (labels of rows it draws itself). Only keys under a prefix are handed over.
 */
final class PageLabels {
    private PageLabels() {
    }

    /**
     * @param template template name, e.g. {@code stations}
     * @param prefix   key prefix, e.g. {@code stations.js.}; stripped in the result
     * @param lang     language
     * @return key (without prefix) to text
     * @throws java.util.MissingResourceException when the template has no message file for the language
     */
    static Map<String, String> of(String template, String prefix, Lang lang) {
        ResourceBundle b = ResourceBundle.getBundle("console/templates/" + template, lang.locale(),
                PageLabels.class.getClassLoader(), ResourceBundle.Control.getNoFallbackControl(
                        ResourceBundle.Control.FORMAT_PROPERTIES));
        Map<String, String> out = new TreeMap<>();
        for (String k : b.keySet()) {
            if (k.startsWith(prefix)) {
                out.put(k.substring(prefix.length()), b.getString(k));
            }
        }
        return out;
    }

    static Locale locale(Lang lang) {
        return lang.locale();
    }
}
