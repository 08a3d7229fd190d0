package org.warmstation.architecture;

class TerminalArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.terminal";
    }
}
