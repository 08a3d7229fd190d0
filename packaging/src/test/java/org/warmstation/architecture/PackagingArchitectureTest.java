package org.warmstation.architecture;

class PackagingArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.packaging";
    }
}
