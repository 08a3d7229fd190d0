package org.warmstation.protocol.wire;

import java.util.Comparator;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Debian package versions ({@code [epoch:]upstream[-revision]}) compared as {@code dpkg
 * --compare-versions} does (Debian Policy 5.6.12): digits numerically, other characters by ASCII
 * with letters before non-letters and {@code ~} before everything, even the end. So
 * {@code 0.1.0~SNAPSHOT < 0.1.0 < 0.1.0+update1 < 0.2.0}. Pure and thread-safe.
 */
public final class DebianVersion {
    /** What a version may look like (a subset of Debian's: starts with a digit, at most 64 characters). */
    public static final Pattern SYNTAX = Pattern.compile("([0-9]+:)?[0-9][A-Za-z0-9.+~-]{0,62}");

    /** Orders versions as dpkg does. */
    public static final Comparator<String> ORDER = DebianVersion::compare;

    private DebianVersion() {
    }

    /**
     * @param version text to check
     * @return the version
     * @throws IllegalArgumentException when it is null or not of {@link #SYNTAX}
     */
    public static String check(String version) {
        Objects.requireNonNull(version, "version");
        if (!SYNTAX.matcher(version).matches()) {
            throw new IllegalArgumentException("not a Debian package version: '" + Check.abbreviate(version) + "'");
        }
        return version;
    }

    /**
     * @param running what a station reports running, possibly null or not a version
     * @param version a version of {@link #SYNTAX}
     * @return whether {@code running} is a version and not lower than {@code version}
     * @throws IllegalArgumentException when {@code version} is not a version
     */
    public static boolean atLeast(String running, String version) {
        return running != null && SYNTAX.matcher(running).matches() && compare(running, version) >= 0;
    }

    /**
     * @param a a version of {@link #SYNTAX}
     * @param b another
     * @return negative, zero or positive as {@code a} is lower than, equal to or higher than {@code b}
     * @throws IllegalArgumentException when either is not a version
     */
    public static int compare(String a, String b) {
        check(a);
        check(b);
        int ea = epoch(a);
        int eb = epoch(b);
        if (ea != eb) {
            return Integer.compare(ea, eb);
        }
        String ra = withoutEpoch(a);
        String rb = withoutEpoch(b);
        int da = ra.lastIndexOf('-');
        int db = rb.lastIndexOf('-');
        int c = part(da < 0 ? ra : ra.substring(0, da), db < 0 ? rb : rb.substring(0, db));
        return c != 0 ? c : part(da < 0 ? "" : ra.substring(da + 1), db < 0 ? "" : rb.substring(db + 1));
    }

    private static int epoch(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? 0 : Integer.parseInt(v.substring(0, colon));
    }

    private static String withoutEpoch(String v) {
        int colon = v.indexOf(':');
        return colon < 0 ? v : v.substring(colon + 1);
    }

    /** dpkg's verrevcmp: alternating non-digit and digit runs. */
    private static int part(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            int firstDiff = 0;
            while ((i < a.length() && !Character.isDigit(a.charAt(i))) || (j < b.length() && !Character.isDigit(b.charAt(j)))) {
                int ac = order(i < a.length() ? a.charAt(i) : 0);
                int bc = order(j < b.length() ? b.charAt(j) : 0);
                if (ac != bc) {
                    return ac - bc;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            while (i < a.length() && Character.isDigit(a.charAt(i)) && j < b.length() && Character.isDigit(b.charAt(j))) {
                if (firstDiff == 0) {
                    firstDiff = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && Character.isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && Character.isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDiff != 0) {
                return firstDiff;
            }
        }
        return 0;
    }

    private static int order(int c) {
        if (c == 0 || Character.isDigit(c)) {
            return 0;
        }
        if (Character.isLetter(c)) {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c + 256;
    }
}
