package org.warmstation.architecture;

class DevicesArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.devices";
    }
}
