package org.warmstation.devices;

import java.io.IOException;

/** The display-backlight role: brightness steps from 0 (dark) to {@link #max()}. */
public interface Backlight {

    /** @return the brightest step, at least 1 */
    int max();

    /**
     * @return the current brightness step
     * @throws IOException when it could not be read
     */
    int level() throws IOException;

    /**
     * Sets the brightness; blocks for a file write. Values outside 0–{@link #max()} are clamped.
     *
     * @param level the step
     * @throws IOException when it could not be set (e.g. no permission)
     */
    void level(int level) throws IOException;
}
