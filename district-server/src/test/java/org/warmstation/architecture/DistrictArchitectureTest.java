package org.warmstation.architecture;

/** The shared architecture rules applied to the district server. */
class DistrictArchitectureTest extends CommonArchitectureTest {
    @Override
    protected String rootPackage() {
        return "org.warmstation.district";
    }
}
