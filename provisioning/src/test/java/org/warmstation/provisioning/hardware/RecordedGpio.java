package org.warmstation.provisioning.hardware;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.exception.ShutdownException;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalOutputConfig;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProviderImpl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Pi4J contexts with only a mock digital-output provider whose outputs append every level they
 * are driven to (their initial level included) and their release to a file, one line
 * {@code TAG ID LEVEL|RELEASED}, written before the call returns. The file stands in for the GPIO
 * chip's output latch, which outlives the process that drove it: what a process killed with
 * SIGKILL last wrote is what the pin would still show.
 */
final class RecordedGpio {
    /** The line's release (Pi4J shutdown of the output). */
    static final String RELEASED = "RELEASED";

    /**
     * One recorded event.
     *
     * @param tag   which process or step wrote it
     * @param id    the Pi4J id of the output, e.g. {@code door}
     * @param event a level ({@code HIGH}, {@code LOW}) or {@link #RELEASED}
     */
    record Event(String tag, String id, String event) {
    }

    private RecordedGpio() {
    }

    /**
     * @param file receives the events (appended)
     * @param tag  marks this context's events
     * @return a context whose digital outputs are recorded mock outputs; the caller shuts it down
     */
    static Context context(Path file, String tag) {
        return Pi4J.newContextBuilder().noAutoDetectPlatforms().noAutoDetectProviders()
                .add(new Provider(file, tag)).build();
    }

    /**
     * @param file the record
     * @param tag  whose events
     * @param id   of which output
     * @return the events, in order
     * @throws IOException when the file cannot be read
     */
    static List<String> events(Path file, String tag, String id) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(l -> l.split(" "))
                .filter(f -> f.length == 3).map(f -> new Event(f[0], f[1], f[2]))
                .filter(e -> e.tag().equals(tag) && e.id().equals(id)).map(Event::event).toList();
    }

    private static final class Provider extends MockDigitalOutputProviderImpl {
        private final Path file;
        private final String tag;

        Provider(Path file, String tag) {
            this.file = file;
            this.tag = tag;
        }

        @Override
        public DigitalOutput create(DigitalOutputConfig config) {
            DigitalOutput out = new MockDigitalOutput(this, config) {
                @Override
                public DigitalOutput state(DigitalState state) throws com.pi4j.io.exception.IOException {
                    super.state(state);
                    append(config.id(), state.name());
                    return this;
                }

                @Override
                public DigitalOutput shutdown(Context context) throws ShutdownException {
                    DigitalOutput done = super.shutdown(context);
                    append(config.id(), RELEASED);
                    return done;
                }
            };
            context.registry().add(out);
            return out;
        }

        private synchronized void append(String id, String event) {
            try {
                Files.writeString(file, tag + " " + id + " " + event + "\n", StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
