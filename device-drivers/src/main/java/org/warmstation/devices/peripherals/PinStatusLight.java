package org.warmstation.devices.peripherals;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.StatusLight;

/** A status light of one output line (LED) per colour; reports into the peripheral states. */
public final class PinStatusLight implements StatusLight {
    private final Map<LightColor, OutputLine> lines;
    private final PeripheralStates states;
    private final PatternPlayer player;

    /**
     * @param lines  the wired colours, at least one
     * @param states receives the lit colour and the light's health
     * @throws IllegalArgumentException when no colour is wired
     */
    public PinStatusLight(Map<LightColor, OutputLine> lines, PeripheralStates states) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a status light has at least one colour");
        }
        this.lines = new EnumMap<>(lines);
        this.states = states;
        this.player = new PatternPlayer("light", on -> lit(null, false));
    }

    @Override
    public Set<LightColor> colors() {
        return Set.copyOf(lines.keySet());
    }

    @Override
    public CompletableFuture<Void> showAsync(LightColor color, Pattern pattern) {
        if (!lines.containsKey(color)) {
            return CompletableFuture.completedFuture(null);
        }
        return Reports.track(player.play(pattern, on -> lit(color, on)), states, PeripheralRole.STATUS_LIGHT);
    }

    /** Other colours off first, then the one colour on or off. */
    private void lit(LightColor color, boolean on) throws java.io.IOException {
        for (var e : lines.entrySet()) {
            if (e.getKey() != color) {
                e.getValue().set(false);
            }
        }
        if (color != null) {
            lines.get(color).set(on);
        }
        states.light(on && color != null ? Optional.of(color) : Optional.empty());
    }

    @Override
    public void close() {
        player.close();
    }
}
