package workbench.diagnostics.threads;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Parses the JSON thread dump of JDK 21+ ({@code jdk.internal.vm.ThreadDumper}'s format). */
final class ThreadDumpJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ThreadDumpJson() {
    }

    /**
     * @param waitsById each platform thread's count of waits, read beside the dump (the dump has none); a thread
     *                  missing from it gets -1
     */
    static ThreadSnapshot parse(String json, Map<Long, Long> waitsById) throws IOException {
        JsonNode dump = MAPPER.readTree(json).path("threadDump");
        if (dump.isMissingNode()) {
            throw new IOException("not a JSON thread dump: no \"threadDump\" object at the top");
        }
        // A thread may be listed by more than one container; keep the first, most specific, listing.
        Map<Long, ThreadRecord> threads = new LinkedHashMap<>();
        for (JsonNode container : dump.path("threadContainers")) {
            String containerName = container.path("container").asText(null);
            for (JsonNode thread : container.path("threads")) {
                ThreadRecord record = recordOf(thread, "<root>".equals(containerName) ? null : containerName,
                        waitsById);
                threads.putIfAbsent(record.id(), record);
            }
        }
        return new ThreadSnapshot(timeOf(dump), new ArrayList<>(threads.values()));
    }

    private static ThreadRecord recordOf(JsonNode thread, String container, Map<Long, Long> waitsById) {
        List<String> stack = new ArrayList<>();
        for (JsonNode frame : thread.path("stack")) {
            stack.add(Frames.withoutModule(frame.asText()));
        }
        boolean virtual = thread.path("virtual").asBoolean(false)
                || (!stack.isEmpty() && stack.getLast().startsWith("java.lang.VirtualThread.run("));
        long id = thread.path("tid").asLong();
        return new ThreadRecord(id, thread.path("name").asText(""),
                Thread.State.valueOf(thread.path("state").asText("RUNNABLE")), virtual, blockerOf(thread),
                virtual ? -1 : waitsById.getOrDefault(id, -1L), container, stack);
    }

    /** The class name of what the thread waits on: park blocker, monitor it waits to enter, or waits on. */
    private static String blockerOf(JsonNode thread) {
        String object = thread.path("parkBlocker").path("object").asText(null);
        if (object == null) {
            object = thread.path("blockedOn").asText(null);
        }
        if (object == null) {
            object = thread.path("waitingOn").asText(null);
        }
        if (object == null) {
            return null;
        }
        int at = object.lastIndexOf('@');
        return at < 0 ? object : object.substring(0, at);
    }

    private static Instant timeOf(JsonNode dump) {
        try {
            return Instant.parse(dump.path("time").asText());
        } catch (DateTimeParseException e) {
            return Instant.now();
        }
    }
}
