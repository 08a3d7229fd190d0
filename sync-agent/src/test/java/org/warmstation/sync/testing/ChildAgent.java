package org.warmstation.sync.testing;

import java.nio.file.Path;
import java.time.Duration;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.sync.SyncAgent;

/**
 * A station's sync agent alone in a JVM, for tests that kill it (SIGKILL) or limit its heap.
 * Arguments: broker URI, station id, data directory, drain rate (visits/s). Prints
 * {@code started} and then runs until killed; prints {@code waiting N} every second.
 */
public final class ChildAgent {
    private ChildAgent() {
    }

    /**
     * @param args broker URI, station id, data directory, drain rate
     * @throws Exception when it cannot start
     */
    public static void main(String[] args) throws Exception {
        SyncAgent agent = Stations.agent(Stations.config(args[0], args[1], Path.of(args[2]))
                .drainRate(Integer.parseInt(args[3])).build(), DistrictKey.generate(Stations.DISTRICT));
        agent.start();
        System.out.println("started");
        while (true) {
            Thread.sleep(Duration.ofSeconds(1));
            System.out.println("waiting " + agent.status().waiting() + " heap " + 
                    (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1_048_576 + " MiB");
        }
    }

    /**
     * Starts a child JVM running {@link #main}.
     *
     * @param log     file for its output
     * @param maxHeap e.g. {@code 128m}
     * @param args    the arguments of {@link #main}
     * @return the process
     * @throws java.io.IOException when it cannot be started
     */
    public static Process launch(Path log, String maxHeap, String... args) throws java.io.IOException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        java.util.List<String> cmd = new java.util.ArrayList<>(java.util.List.of(javaBin, "-Xmx" + maxHeap,
                "-XX:+ExitOnOutOfMemoryError", "--enable-native-access=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), ChildAgent.class.getName()));
        cmd.addAll(java.util.List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
