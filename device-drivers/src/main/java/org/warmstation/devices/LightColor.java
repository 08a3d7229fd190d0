package org.warmstation.devices;

/** The colours of the station's status light, one LED (BCM pin) each. */
public enum LightColor {
    /** The card was accepted: a new visit. */
    GREEN,
    /** The card was rejected. */
    RED,
    /** Already checked in, or the terminal is offline / needs staff. */
    AMBER
}
