package org.warmstation.district.fleet;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plane and sphere geometry the map and the finder need: the district outline drawn from the
 * stations' own coordinates (a convex hull) and great-circle distances. Pure functions.
 */
public final class Geo {
    /** Mean earth radius in metres (IUGG). */
    static final double EARTH_RADIUS_M = 6_371_008.8;

    private Geo() {
    }

    /**
     * A WGS-84 position.
     *
     * @param lat latitude in degrees
     * @param lon longitude in degrees
     */
    public record Point(double lat, double lon) {
    }

    /**
     * The convex hull of the points (Andrew's monotone chain), counter-clockwise in lon/lat, without
     * repeating the first point; fine at district scale (a few tens of kilometres). Duplicates are
     * ignored; fewer than three distinct points give those points.
     *
     * @param points any points
     * @return the hull's corners
     */
    public static List<Point> convexHull(List<Point> points) {
        List<Point> p = new ArrayList<>(points.stream().distinct().toList());
        p.sort(Comparator.comparingDouble(Point::lon).thenComparingDouble(Point::lat));
        if (p.size() < 3) {
            return List.copyOf(p);
        }
        Point[] hull = new Point[2 * p.size()];
        int k = 0;
        for (Point q : p) {
            while (k >= 2 && cross(hull[k - 2], hull[k - 1], q) <= 0) {
                k--;
            }
            hull[k++] = q;
        }
        for (int i = p.size() - 2, lower = k + 1; i >= 0; i--) {
            Point q = p.get(i);
            while (k >= lower && cross(hull[k - 2], hull[k - 1], q) <= 0) {
                k--;
            }
            hull[k++] = q;
        }
        return List.copyOf(java.util.Arrays.asList(hull).subList(0, k - 1));
    }

    private static double cross(Point o, Point a, Point b) {
        return (a.lon() - o.lon()) * (b.lat() - o.lat()) - (a.lat() - o.lat()) * (b.lon() - o.lon());
    }

    /**
     * @param a one point
     * @param b another
     * @return the great-circle distance in metres (haversine)
     */
    public static double meters(Point a, Point b) {
        double dLat = Math.toRadians(b.lat() - a.lat());
        double dLon = Math.toRadians(b.lon() - a.lon());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.lat())) * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
