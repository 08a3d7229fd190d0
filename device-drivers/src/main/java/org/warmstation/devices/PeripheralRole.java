package org.warmstation.devices;

/** The station's peripheral roles; each is present only when the station config names it. */
public enum PeripheralRole {
    /** Green/red/amber status LEDs. */
    STATUS_LIGHT,
    /** Active buzzer. */
    BUZZER,
    /** Door-lock relay. */
    DOOR,
    /** PIR motion sensor. */
    MOTION,
    /** Temperature/humidity sensor on I2C. */
    AMBIENT,
    /** Display backlight (sysfs). */
    BACKLIGHT
}
