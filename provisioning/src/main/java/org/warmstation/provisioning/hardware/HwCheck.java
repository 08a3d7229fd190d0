package org.warmstation.provisioning.hardware;

import java.util.Objects;

/**
 * The result of checking one peripheral role.
 *
 * @param role   the role's name as printed, e.g. {@code door}
 * @param passed whether it passed
 * @param detail what was done or what failed
 */
record HwCheck(String role, boolean passed, String detail) {
    HwCheck {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(detail, "detail");
    }

    static HwCheck pass(String role, String detail) {
        return new HwCheck(role, true, detail);
    }

    static HwCheck fail(String role, String detail) {
        return new HwCheck(role, false, detail);
    }

    @Override
    public String toString() {
        return String.format("%-13s %s  %s", role, passed ? "PASS" : "FAIL", detail);
    }
}
