package org.warmstation.architecture;

class ProvisioningArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.provisioning";
    }
}
