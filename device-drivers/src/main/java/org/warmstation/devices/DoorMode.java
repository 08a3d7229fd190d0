package org.warmstation.devices;

/**
 * What the door does when the terminal loses power or the app stops: this decides whether the
 * relay is energised while the door is locked.
 */
public enum DoorMode {
    /**
     * The lock stays locked without power (electric strike): the relay is energised only while
     * the door is held open, so a dead terminal leaves the door locked.
     */
    FAIL_SECURE,
    /**
     * The lock opens without power (magnetic lock, fire-escape rules): the relay is energised
     * while the door is locked and released to open it, so a dead terminal leaves the door open.
     */
    FAIL_SAFE;

    /**
     * @param open whether the door should be open
     * @return whether the relay coil is then energised
     */
    public boolean energised(boolean open) {
        return this == FAIL_SECURE ? open : !open;
    }
}
