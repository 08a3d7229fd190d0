package org.warmstation.district.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.district.fleet.Geo.Point;

class GeoTest {
    @Test
    void hullKeepsTheCornersAndDropsInnerAndDuplicatePoints() {
        List<Point> pts = List.of(new Point(39.9, 116.4), new Point(40.0, 116.4), new Point(40.0, 116.6),
                new Point(39.9, 116.6), new Point(39.95, 116.5), new Point(39.9, 116.4), new Point(39.9, 116.5));
        List<Point> hull = Geo.convexHull(pts);
        assertEquals(new HashSet<>(List.of(new Point(39.9, 116.4), new Point(40.0, 116.4), new Point(40.0, 116.6),
                new Point(39.9, 116.6))), new HashSet<>(hull));
        assertEquals(4, hull.size());
    }

    @Test
    void fewerThanThreeStationsGiveTheirOwnPoints() {
        assertEquals(List.of(), Geo.convexHull(List.of()));
        assertEquals(1, Geo.convexHull(List.of(new Point(1, 2), new Point(1, 2))).size());
    }

    @Test
    void distanceBetweenTiananmenAndTheWorkersStadiumIsAboutFiveKilometres() {
        double m = Geo.meters(new Point(39.9087, 116.3975), new Point(39.9296, 116.4473));
        assertTrue(m > 4700 && m < 4900, m + " m");
        assertEquals(0, Geo.meters(new Point(39.9, 116.4), new Point(39.9, 116.4)), 1e-9);
    }
}
