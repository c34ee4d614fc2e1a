package workbench.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

class CheckMainTest {

    @Test
    void aWholeCheckClassMakesADiscoveryRequest() {
        LauncherDiscoveryRequest all = request().selectors(selectClass(CheckMainTest.class))
                .filters(CheckMain.tests(null)).build();
        assertEquals(1, all.getPostDiscoveryFilters().size());
    }

    @Test
    void oneTestByNameMakesADiscoveryRequest() {
        LauncherDiscoveryRequest one = request().selectors(selectClass(CheckMainTest.class))
                .filters(CheckMain.tests("heap used")).build();
        assertEquals(1, one.getPostDiscoveryFilters().size());
    }
}
