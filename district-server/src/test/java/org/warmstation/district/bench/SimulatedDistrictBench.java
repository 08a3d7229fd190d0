package org.warmstation.district.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.sim.DistrictSimulator;
import org.warmstation.district.sim.SimStation;
import org.warmstation.district.sim.SimulatedDistrictLoader;

/**
 * Benchmark (not a test): how fast the simulated district is generated and loaded into the
 * embedded PostgreSQL (through the visit table's rollup triggers). Arguments: stations (default
 * 40), days (30), seed (9), and {@code no-triggers} to load with the visit table's triggers
 * disabled (what the rollups cost; the rollups stay empty). Prints generation alone (visits/s, no
 * database) and the load (visits/s, stations, visits).
 *
 * <pre>{@code
 * mvn -q -pl district-server -am test-compile exec:java ... (or run the class from the test classpath)
 * java -cp <test classpath> org.warmstation.district.bench.SimulatedDistrictBench 1300 90
 * }</pre>
 */
public final class SimulatedDistrictBench {
    private SimulatedDistrictBench() {
    }

    /**
     * @param args stations, days, seed
     * @throws Exception when the database cannot start
     */
    public static void main(String[] args) throws Exception {
        int stations = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 9;
        DistrictSimulator sim = new DistrictSimulator(new DistrictSimulator.Settings(seed, stations, days, Instant.now(),
                DistrictSimulator.CHAOYANG));
        long t0 = System.nanoTime();
        long generated = 0;
        for (SimStation s : sim.stations()) {
            for (var d : sim.dates()) {
                generated += sim.visits(s, d).size();
            }
        }
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("generate: %d stations x %d days = %,d visits in %.2f s (%,.0f visits/s, no database)%n",
                stations, days, generated, genSeconds, generated / genSeconds);
        Path dir = Files.createTempDirectory("sim-bench");
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            boolean noTriggers = args.length > 3 && args[3].equals("no-triggers");
            if (noTriggers) {
                try (var st = c.createStatement()) {
                    st.execute("ALTER TABLE visit DISABLE TRIGGER USER");
                }
            }
            SimulatedDistrictLoader.Result r = new SimulatedDistrictLoader(sim).load(c);
            System.out.printf("load: %,d visits of %d stations in %.2f s (%,.0f visits/s, COPY %s)%n",
                    r.visits(), r.stations(), r.took().toNanos() / 1e9, r.visitsPerSecond(),
                    noTriggers ? "with the visit triggers disabled" : "through the rollup triggers");
        }
    }
}
