package org.warmstation.visitlog.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Child JVMs running a main class of the test class path, so a test can kill one with SIGKILL
 * ({@link Process#destroyForcibly()}) or run it under a changed mount namespace. The one child-JVM
 * helper of the station modules' tests.
 */
public final class ChildJvm {
    private ChildJvm() {
    }

    /**
     * @param systemProperties {@code -Dname=value} options (may be empty)
     * @param mainClass        the class to run
     * @param args             its arguments
     * @return java (of this JVM's home, 256 MiB heap) with native access enabled, UTF-8 and this
     *         run's test class path
     */
    public static List<String> command(List<String> systemProperties, Class<?> mainClass, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(List.of("-Xmx256m", "--enable-native-access=ALL-UNNAMED", "-Dfile.encoding=UTF-8",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        cmd.addAll(systemProperties);
        cmd.add("-cp");
        cmd.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        cmd.add(mainClass.getName());
        cmd.addAll(List.of(args));
        return cmd;
    }

    /**
     * Starts {@link #command} with stdout and stderr appended to {@code log}. Returns at once.
     *
     * @param mainClass        the class with the main method
     * @param log              file receiving the child's output (appended; its folder is created)
     * @param systemProperties system properties, each {@code -Dk=v}
     * @param args             program arguments
     * @return the running process
     * @throws IOException when it cannot be started
     */
    public static Process start(Class<?> mainClass, Path log, List<String> systemProperties, String... args)
            throws IOException {
        Files.createDirectories(log.toAbsolutePath().getParent());
        return new ProcessBuilder(command(systemProperties, mainClass, args)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }
}
