package org.warmstation.devices.peripherals;

import java.util.List;

/** The {@code hardware.*} keys of a station config are wrong; each problem names its key. */
public final class HardwareConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /**
     * One wrong key.
     *
     * @param key     the full key, e.g. {@code hardware.door.pulse}
     * @param message what is wrong with its value, e.g. {@code must be an ISO-8601 duration such as PT3S}
     */
    public record Problem(String key, String message) {
        @Override
        public String toString() {
            return key + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /**
     * @param problems every wrong key, at least one
     */
    public HardwareConfigException(List<Problem> problems) {
        super(String.join("; ", problems.stream().map(Problem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    /** @return every wrong key, in key order */
    public List<Problem> problems() {
        return problems;
    }
}
