package org.warmstation.devices.peripherals;

import java.util.concurrent.CompletableFuture;
import org.warmstation.devices.Buzzer;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.PeripheralRole;

/** A buzzer on one output line; reports into the peripheral states. */
public final class PinBuzzer implements Buzzer {
    private final OutputLine line;
    private final PeripheralStates states;
    private final PatternPlayer player;

    /**
     * @param line   the buzzer's output (on = sounding)
     * @param states receives whether it sounds and its health
     */
    public PinBuzzer(OutputLine line, PeripheralStates states) {
        this.line = line;
        this.states = states;
        this.player = new PatternPlayer("buzzer", this::sound);
    }

    private void sound(boolean on) throws java.io.IOException {
        line.set(on);
        states.buzzing(on);
    }

    @Override
    public CompletableFuture<Void> playAsync(Pattern pattern) {
        return Reports.track(player.play(pattern, this::sound), states, PeripheralRole.BUZZER);
    }

    @Override
    public void close() {
        player.close();
    }
}
