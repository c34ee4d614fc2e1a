package lesson2.checks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import jdk.jfr.FlightRecorder;
import jdk.jfr.RecordingState;
import jdk.jfr.consumer.RecordingStream;
import lesson2.demo.AllocationSpikes;
import workbench.harness.LabProcess;

/**
 * The {@code allocation-spikes} demo in a JVM of its own, for find-the-spike's check: the learner's code must watch
 * the JVM it is handed, whose flight recorder and counters are not its own. It says {@value #READY} once its flight
 * recorder has warmed up and a {@link PreloadedCache} has loaded, starts the demo when told {@value #START}, notes
 * when a recording (the learner's stream) first runs in it, and lists both when told {@value #REPORT}.
 */
public final class SpikingService {

    static final String READY = "ready";
    static final String START = "start";
    static final String REPORT = "report";
    private static final String RECORDING = "recording ";
    private static final String SPIKE = "spike ";
    private static final String REPORTED = "reported";

    /**
     * What the service saw: its spikes, and when a recording first ran in it (null if none did).
     */
    record Report(List<AllocationSpikes.Spike> spikes, Instant recording) {}

    private SpikingService() {
    }

    /** Starts the service with these settings; its site is chosen per spike. */
    static LabProcess start(AllocationSpikes.Settings settings) {
        List<String> flags = List.of("-Xmx256m", "-D" + CounterReads.PROPERTY + "=" + CounterReads.class.getName());
        return LabProcess.start(SpikingService.class, flags, Long.toString(settings.seed()),
                Integer.toString(settings.steadyMbPerSecond()), Long.toString(settings.spikeLength().toMillis()),
                Double.toString(settings.steadyLargeShare()), Integer.toString(settings.smallSpikeMbPerSecond()));
    }

    /** The settings of find-the-spike's runs, with what varies from run to run. */
    static AllocationSpikes.Settings settings(long seed, int steadyMbPerSecond, Duration spikeLength,
                                              double steadyLargeShare, int smallSpikeMbPerSecond) {
        return new AllocationSpikes.Settings(seed, 16, steadyMbPerSecond, 340, 400, Duration.ofMillis(800),
                Duration.ofMillis(1200), null, spikeLength, steadyLargeShare, smallSpikeMbPerSecond);
    }

    /** Asks the service what it saw so far. */
    static Report report(LabProcess service) {
        service.tell(REPORT);
        List<AllocationSpikes.Spike> spikes = new ArrayList<>();
        Instant recording = null;
        for (String line = ""; !line.equals(REPORTED); ) {
            line = service.awaitLine(any -> true, LabProcess.START_UP);
            if (line.startsWith(RECORDING)) {
                recording = Instant.parse(line.substring(RECORDING.length()));
            } else if (line.startsWith(SPIKE)) {
                String[] parts = line.substring(SPIKE.length()).split(" ");
                spikes.add(new AllocationSpikes.Spike(Instant.parse(parts[0]), parts[1], Long.parseLong(parts[2])));
            }
        }
        return new Report(spikes, recording);
    }

    public static void main(String[] args) throws Exception {
        // JFR starts slowly the first time in a JVM; the learner's stream should not pay for that in the watch.
        try (RecordingStream warmUp = new RecordingStream()) {
            warmUp.startAsync();
        }
        // Built here, where this class's loader can find the builder; the attach thread's could not.
        ManagementFactory.getPlatformMBeanServer();
        PreloadedCache cache = PreloadedCache.load(new Random(Long.parseLong(args[0])));
        AllocationSpikes demo = new AllocationSpikes(settings(Long.parseLong(args[0]), Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[2])), Double.parseDouble(args[3]), Integer.parseInt(args[4])),
                CounterReads::awaitNextRead);
        Thread.ofPlatform().daemon().start(SpikingService::noteFirstRecording);
        System.out.println(READY);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = input.readLine(); line != null; line = input.readLine()) {
            if (line.equals(START)) {
                demo.start();
                cache.demoStarted();
            } else if (line.equals(REPORT)) {
                for (AllocationSpikes.Spike spike : demo.spikes()) {
                    System.out.println(SPIKE + spike.at() + " " + spike.site() + " " + spike.bytes());
                }
                System.out.println(REPORTED);
            }
        }
        demo.close();
    }

    /** Says when a recording first runs in this JVM: the learner's stream, from then on its events show. */
    private static void noteFirstRecording() {
        try {
            while (!FlightRecorder.isInitialized() || FlightRecorder.getFlightRecorder().getRecordings().stream()
                    .noneMatch(recording -> recording.getState() == RecordingState.RUNNING)) {
                Thread.sleep(20);
            }
            System.out.println(RECORDING + Instant.now());
        } catch (InterruptedException e) {
            // The service is going away.
        }
    }
}
