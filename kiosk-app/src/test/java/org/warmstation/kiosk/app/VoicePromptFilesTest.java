package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.warmstation.devices.Sound;
import org.warmstation.kiosk.domain.VoicePrompt;

/**
 * The committed voice prompts (decision 0140): one recording per {@link VoicePrompt}, made from
 * the text in {@code prompts.txt} (its {@code prompts.lock} says which text each was made from),
 * and audible: {@code sox FILE -n stat} (Debian's sox, installed by .ci/run) reports a length
 * above 0.3 s and a maximum amplitude above 0.1.
 */
class VoicePromptFilesTest {
    private static final Pattern LENGTH = Pattern.compile("Length \\(seconds\\):\\s+([0-9.]+)");
    private static final Pattern MAX = Pattern.compile("Maximum amplitude:\\s+([0-9.]+)");

    private static Path folder() throws URISyntaxException {
        return Path.of(VoicePrompts.class.getResource(VoicePrompts.FOLDER + "prompts.txt").toURI()).getParent();
    }

    private static Map<String, String> entries(String file) throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder().resolve(file), StandardCharsets.UTF_8)) {
            if (!line.isBlank() && !line.startsWith("#")) {
                int eq = line.indexOf('=');
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    @Test
    void everyPromptHasATextAndARecordingAndNothingElseIsThere() throws Exception {
        Set<String> names = Arrays.stream(VoicePrompt.values()).map(p -> p.fileName().replace(".wav", ""))
                .collect(Collectors.toSet());
        assertEquals(names, entries("prompts.txt").keySet());
        try (Stream<Path> files = Files.list(folder())) {
            assertEquals(names, files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".wav"))
                    .map(f -> f.replace(".wav", "")).collect(Collectors.toSet()));
        }
    }

    @Test
    void recordingsWereMadeFromTheTextsOfPromptsTxt() throws Exception {
        assertEquals(entries("prompts.txt"), entries("prompts.lock"),
                "a prompt text changed without new recordings: run kiosk-app/make-voice-prompts.sh");
    }

    @ParameterizedTest
    @EnumSource(VoicePrompt.class)
    void recordingIsAudibleBySox(VoicePrompt prompt) throws Exception {
        Path wav = folder().resolve(prompt.fileName());
        String stat = sox(wav);
        double length = number(LENGTH, stat, wav);
        double max = number(MAX, stat, wav);
        assertTrue(length > 0.3, prompt + " lasts " + length + " s");
        assertTrue(length < 5, prompt + " is short: " + length + " s");
        assertTrue(max > 0.1, prompt + " peaks at " + max);
        try (InputStream in = Files.newInputStream(wav)) {
            Sound sound = Sound.read(prompt.fileName(), in);
            assertEquals(length, sound.length().toNanos() / 1e9, 0.01, "Java Sound reads the same length");
            assertEquals(max, sound.peak(), 0.01, "Java Sound reads the same peak");
        }
    }

    @Test
    void kioskLoadsEveryRecording() throws IOException {
        Map<VoicePrompt, Sound> sounds = VoicePrompts.recordings();
        assertEquals(Set.of(VoicePrompt.values()), sounds.keySet());
        sounds.values().forEach(s -> assertEquals(16_000, s.sampleRate(), s.name()));
    }

    private static String sox(Path wav) throws IOException, InterruptedException {
        Process p;
        try {
            p = new ProcessBuilder("sox", wav.toString(), "-n", "stat").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new AssertionError("sox is needed for this test (apt-get install sox): " + e.getMessage(), e);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "sox ended");
        assertEquals(0, p.exitValue(), "sox stat " + wav + ": " + out);
        return out;
    }

    private static double number(Pattern pattern, String stat, Path wav) {
        Matcher m = pattern.matcher(stat);
        assertTrue(m.find(), "sox stat of " + wav + " reports " + pattern.pattern() + ": " + stat);
        assertNotNull(m.group(1));
        return Double.parseDouble(m.group(1));
    }
}
