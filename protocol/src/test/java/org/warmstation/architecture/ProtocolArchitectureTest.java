package org.warmstation.architecture;

class ProtocolArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.protocol";
    }
}
