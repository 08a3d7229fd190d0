package org.warmstation.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Lab and test certificates made with the {@code openssl} command line: a CA, and server
 * certificates it signs, valid for two days (the TLS brokers of the tests and of a lab, as
 * {@link MosquittoBroker} is their broker). Blocks on openssl.
 */
public final class LabPki {
    private LabPki() {
    }

    /**
     * Makes {@code <name>.crt} and {@code <name>.key}: a self-signed CA.
     *
     * @param dir  where
     * @param name file base name and CN
     * @throws Exception when openssl fails
     */
    public static void ca(Path dir, String name) throws Exception {
        Files.createDirectories(dir);
        openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=" + name,
                "-keyout", name + ".key", "-out", name + ".crt");
    }

    /**
     * Makes {@code <name>.crt} and {@code <name>.key} signed by {@code ca.crt}/{@code ca.key} in the same directory.
     *
     * @param dir  where
     * @param name file base name and CN
     * @param san  subjectAltName, e.g. {@code IP:127.0.0.1}
     * @throws Exception when openssl fails
     */
    public static void server(Path dir, String name, String san) throws Exception {
        openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + name, "-keyout", name + ".key",
                "-out", name + ".csr");
        Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + san + "\n");
        openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", name + ".ext", "-out", name + ".crt");
    }

    private static void openssl(Path cwd, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("openssl " + String.join(" ", args) + ": " + out);
        }
    }
}
