package org.warmstation.sync.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a class's main method in a child JVM with this test run's class path, so a test can kill
 * it with SIGKILL ({@link Process#destroyForcibly()}).
 */
final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param main       the class with the main method
     * @param log        file receiving the child's stdout and stderr (appended)
     * @param properties system properties, each {@code -Dk=v}
     * @param args       program arguments
     * @return the running process
     * @throws IOException when it cannot be started
     */
    static Process start(Class<?> main, Path log, List<String> properties, String... args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "--enable-native-access=ALL-UNNAMED",
                "-Dfile.encoding=UTF-8", "-cp", cp));
        cmd.addAll(properties);
        cmd.add(main.getName());
        cmd.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        return new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
