package org.warmstation.architecture;

class MqttSupportArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.mqtt";
    }
}
