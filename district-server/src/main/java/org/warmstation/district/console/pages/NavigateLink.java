package org.warmstation.district.console.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The "navigate" link of a station (decision 0078): an Amap (高德地图) marker URI. It opens the
 * Amap app on a phone that has it and Amap's web map elsewhere, and takes WGS-84 coordinates
 * ({@code coordinate=wgs84}): Amap converts them to the GCJ-02 offset that Chinese maps use, so
 * the pin lands on the station rather than a few hundred metres off. Pure functions.
 */
final class NavigateLink {
    private NavigateLink() {
    }

    /**
     * @param name station name (the pin's label)
     * @param lat  WGS-84 latitude
     * @param lon  WGS-84 longitude
     * @return the URL
     */
    static String amap(String name, double lat, double lon) {
        return String.format(Locale.ROOT, "https://uri.amap.com/marker?position=%.6f,%.6f&name=%s&coordinate=wgs84"
                + "&callnative=1&src=warm-station", lon, lat, URLEncoder.encode(name, StandardCharsets.UTF_8));
    }
}
