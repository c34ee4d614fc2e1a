// Wrong answer: returns the endpoint that failed most often in one run of the demo; every run draws a new one.
package lesson4;

import java.net.URI;

public final class VarsReader {

    private VarsReader() {}

    public static String worstEndpoint(URI vars) {
        return "checkout";
    }
}
