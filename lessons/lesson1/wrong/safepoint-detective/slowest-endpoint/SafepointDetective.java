// Wrong answer: times every endpoint and names the slowest, assuming the call that stops the world must be the slowest one.
package lesson1;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import workbench.diagnostics.target.Target;

public final class SafepointDetective {

    private static final int CALLS = 20;

    private SafepointDetective() {}

    public static String stopsTheWorld(Target service, URI base, List<String> endpoints)
            throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            String slowest = null;
            long longest = -1;
            for (String name : endpoints) {
                URI uri = base.resolve(name);
                get(http, uri);
                long start = System.nanoTime();
                for (int i = 0; i < CALLS; i++) {
                    get(http, uri);
                }
                long took = System.nanoTime() - start;
                if (took > longest) {
                    longest = took;
                    slowest = name;
                }
            }
            return slowest;
        }
    }

    private static void get(HttpClient http, URI uri) throws IOException, InterruptedException {
        http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
    }
}
