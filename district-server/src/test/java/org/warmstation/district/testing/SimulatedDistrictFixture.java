package org.warmstation.district.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.sim.DistrictSimulator;
import org.warmstation.district.sim.SimulatedDistrictLoader;

/**
 * Loads the demo's simulated district (40 Chaoyang stations, 30 days of visits, as
 * {@code ./station demo} shows it) into a test database, so browser tests and their screenshots
 * show a living district. About 40,000 visits; a second or two.
 *
 * <pre>{@code
 * DistrictSimulator sim = SimulatedDistrictFixture.load(db);   // today = the real today
 * sim.stations()                                                // what the pages should list
 * }</pre>
 */
public final class SimulatedDistrictFixture {
    private SimulatedDistrictFixture() {
    }

    /**
     * Loads the demo district ending now; does nothing but top up when it is there already.
     *
     * @param db the test database
     * @return the simulator (its stations and visits are what was loaded)
     * @throws SQLException when the database fails
     */
    public static DistrictSimulator load(DistrictDatabase db) throws SQLException {
        return load(db, Instant.now());
    }

    /**
     * Loads the demo district ending at {@code now}.
     *
     * @param db  the test database
     * @param now the simulation's present (visits up to it; "today" is its Beijing date)
     * @return the simulator
     * @throws SQLException when the database fails
     */
    public static DistrictSimulator load(DistrictDatabase db, Instant now) throws SQLException {
        DistrictSimulator sim = new DistrictSimulator(DistrictSimulator.Settings.demo(now));
        try (Connection c = db.connection()) {
            new SimulatedDistrictLoader(sim).loadOrTopUp(c);
        }
        return sim;
    }
}
