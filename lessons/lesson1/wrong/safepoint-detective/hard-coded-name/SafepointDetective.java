// Wrong answer: returns the endpoint name that stopped the world in one console session, hard-coded.
package lesson1;

import java.net.URI;
import java.util.List;
import workbench.diagnostics.target.Target;

public final class SafepointDetective {

    private SafepointDetective() {}

    public static String stopsTheWorld(Target service, URI base, List<String> endpoints) {
        return "ledger-287";
    }
}
