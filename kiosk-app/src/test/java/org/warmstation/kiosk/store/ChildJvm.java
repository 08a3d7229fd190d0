package org.warmstation.kiosk.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines for child JVMs running a main class of the test classpath. */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param systemProperties {@code -Dname=value} options (may be empty)
     * @param mainClass        the class to run
     * @param args             its arguments
     * @return java (of this JVM's home) with native access enabled and this JVM's class path
     */
    static List<String> command(List<String> systemProperties, Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("--enable-native-access=ALL-UNNAMED");
        cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
        cmd.addAll(systemProperties);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }
}
