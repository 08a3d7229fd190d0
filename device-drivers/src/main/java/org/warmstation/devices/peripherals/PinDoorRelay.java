package org.warmstation.devices.peripherals;

import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.DoorMode;
import org.warmstation.devices.DoorRelay;
import org.warmstation.devices.Pattern;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;

/**
 * A door relay on one output line (on = coil energised); reports into the peripheral states. The
 * door is locked as soon as this is constructed, whatever state the relay was left in.
 */
public final class PinDoorRelay implements DoorRelay {
    private static final Logger LOG = LoggerFactory.getLogger(PinDoorRelay.class);

    private final OutputLine coil;
    private final DoorMode mode;
    private final PeripheralStates states;
    private final PatternPlayer player;
    private volatile boolean open;

    /**
     * @param coil   the relay's output (on = energised)
     * @param mode   fail-secure or fail-safe wiring
     * @param states receives the door state and its health
     */
    public PinDoorRelay(OutputLine coil, DoorMode mode, PeripheralStates states) {
        this.coil = coil;
        this.mode = Objects.requireNonNull(mode, "mode");
        this.states = states;
        this.player = new PatternPlayer("door", this::door);
        try {
            door(false);
        } catch (IOException e) {
            LOG.warn("door relay: could not lock at start: {}", e.getMessage());
            states.status(PeripheralRole.DOOR, Health.FAILING, e.getMessage());
        }
    }

    private void door(boolean open) throws IOException {
        coil.set(mode.energised(open));
        this.open = open;
        states.doorOpen(open);
    }

    @Override
    public DoorMode mode() {
        return mode;
    }

    @Override
    public CompletableFuture<Void> pulseAsync(Duration openFor) {
        if (openFor.isZero() || openFor.isNegative()) {
            throw new IllegalArgumentException("a door pulse lasts a positive time, not " + openFor);
        }
        return Reports.track(player.play(Pattern.steady(openFor), this::door), states, PeripheralRole.DOOR);
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        player.close();
    }
}
