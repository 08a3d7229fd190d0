package org.warmstation.architecture;

class SyncAgentArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.sync";
    }
}
