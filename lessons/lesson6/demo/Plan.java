package lesson6.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Who does what in one run of {@link CarrierService}: whether carriers are starved by CPU-bound work or by pinning,
 * and each site's role, duration and rate. Drawn at random; written as arguments so that a hidden check can start
 * the service in another JVM and still know the answer.
 *
 * @param starvedBy       what holds the carriers
 * @param sites           every site, in a fixed order that says nothing about roles
 * @param lightPerSecond  quotes a second, the light endpoint whose latency climbs
 */
public record Plan(Cause starvedBy, List<SiteLoad> sites, int lightPerSecond) {

    /** What starves the light endpoint of carriers. */
    public enum Cause { CPU_BOUND_WORK, PINNING }

    /**
     * One site's load.
     *
     * @param name      the site's short name, such as {@code geocoder}
     * @param role      what each of its requests does
     * @param millis    how long each request blocks or computes
     * @param perSecond requests a second
     */
    public record SiteLoad(String name, Role role, int millis, int perSecond) {

        /** The site as a pinned event's stack names it: its class's {@code work} method. */
        public String site() {
            return SiteKind.named(name).site();
        }
    }

    /** Site names, in the order sites are always listed. */
    public static final List<String> NAMES = SiteKind.NAMES;

    public Plan {
        sites = List.copyOf(sites);
    }

    /** A random plan: one cause or the other, roles shuffled over the sites. */
    public static Plan random(Random random) {
        return random.nextBoolean() ? pinning(random, NAMES.get(random.nextInt(NAMES.size())))
                : cpuBound(random);
    }

    /**
     * Carriers starved by pinning at the named site, which holds a carrier for about a second every second, with
     * decoys: a site that is slower per request and never pins, one that blocks longer inside
     * {@code synchronized}, one that runs in a native callback without ever blocking there, one that pins too, 1.4
     * to 1.9 times as often but for 1 ms each, and one whose pins last 70 to 90 ms, longer than any other even when
     * a busy machine stretches one, but come five or six times a second. Both pinning decoys hold carriers less
     * than two thirds as long in all as the named site, whose pins last 3 or 4 ms: under JFR's usual 20 ms threshold,
     * where the long pins are not, and under any shorter threshold a learner might pick to skip short pins.
     */
    public static Plan pinning(Random random, String pinner) {
        return pinning(random, pinner, 3 + random.nextInt(2));
    }

    /**
     * The same, with the named site's pins lasting {@code pinMillis} each (under 70), as many as fill about a
     * second every second: pins of 20 ms or more are no decoy's alone.
     */
    public static Plan pinning(Random random, String pinner, int pinMillis) {
        int pinsPerSecond = 1000 / pinMillis;
        List<Function<String, SiteLoad>> decoys = new ArrayList<>(List.of(
                name -> unpinnedDecoy(random, name, Role.COMPUTES, pinMillis),
                name -> unpinnedDecoy(random, name, Role.WAITS_ON_MONITOR, pinMillis),
                name -> unpinnedDecoy(random, name, Role.COMPUTES_IN_NATIVE, pinMillis),
                name -> new SiteLoad(name, Role.PINS_IN_NATIVE, 1,
                        (int) (pinsPerSecond * (1.4 + 0.5 * random.nextDouble()))),
                name -> new SiteLoad(name, Role.PINS_IN_NATIVE, 70 + random.nextInt(21), 5 + random.nextInt(2))));
        Collections.shuffle(decoys, random);
        List<SiteLoad> sites = new ArrayList<>();
        for (String name : NAMES) {
            sites.add(name.equals(pinner) ? new SiteLoad(name, Role.PINS_IN_NATIVE, pinMillis, pinsPerSecond)
                    : decoys.removeFirst().apply(name));
        }
        return new Plan(Cause.PINNING, sites, 120 + random.nextInt(80));
    }

    /** The site whose pins hold carriers the longest in all; null when nothing pins. */
    public SiteLoad pinner() {
        return sites.stream().filter(site -> site.role() == Role.PINS_IN_NATIVE)
                .max(Comparator.comparingInt(site -> site.millis() * site.perSecond())).orElse(null);
    }

    /** Carriers starved by one site's CPU-bound requests; the others block, or compute briefly in native code. */
    public static Plan cpuBound(Random random) {
        List<String> names = new ArrayList<>(NAMES);
        Collections.shuffle(names, random);
        String heavy = names.getFirst();
        int heavyMillis = 30 + random.nextInt(30);
        List<SiteLoad> sites = new ArrayList<>();
        for (String name : NAMES) {
            if (name.equals(heavy)) {
                sites.add(new SiteLoad(name, Role.COMPUTES, heavyMillis, 1600 / heavyMillis));
            } else {
                Role role = random.nextBoolean() ? Role.WAITS_ON_MONITOR : Role.COMPUTES_IN_NATIVE;
                sites.add(unpinnedDecoy(random, name, role, 10));
            }
        }
        return new Plan(Cause.CPU_BOUND_WORK, sites, 120 + random.nextInt(80));
    }

    /**
     * A decoy: slower or blocking longer than a pin of {@code pinMillis}, yet never pinned. The one that waits on a
     * monitor keeps about two and a half virtual threads waiting at a time, on average, more than the pins keep
     * pinned.
     */
    private static SiteLoad unpinnedDecoy(Random random, String name, Role role, int pinMillis) {
        return switch (role) {
            case COMPUTES -> new SiteLoad(name, role, 2 * pinMillis + 10 + random.nextInt(15), 3 + random.nextInt(3));
            case WAITS_ON_MONITOR -> {
                int millis = 3 * pinMillis + 20 + random.nextInt(40);
                yield new SiteLoad(name, role, millis, 2_500 / millis + random.nextInt(10));
            }
            case COMPUTES_IN_NATIVE -> new SiteLoad(name, role, 1 + random.nextInt(2), 25 + random.nextInt(15));
            case PINS_IN_NATIVE -> throw new IllegalArgumentException("this decoy never pins");
        };
    }

    /** Arguments for {@link CarrierService#main}, from which {@link #parse} gives this plan back. */
    public String[] args() {
        List<String> args = new ArrayList<>(List.of(starvedBy.name(), Integer.toString(lightPerSecond)));
        sites.forEach(site -> args.add(site.name() + "=" + site.role() + ":" + site.millis() + ":"
                + site.perSecond()));
        return args.toArray(String[]::new);
    }

    /** The plan written by {@link #args()}. */
    public static Plan parse(String... args) {
        List<SiteLoad> sites = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] nameAndLoad = args[i].split("=", 2);
            String[] load = nameAndLoad[1].split(":");
            sites.add(new SiteLoad(nameAndLoad[0], Role.valueOf(load[0]), Integer.parseInt(load[1]),
                    Integer.parseInt(load[2])));
        }
        return new Plan(Cause.valueOf(args[0]), sites, Integer.parseInt(args[1]));
    }
}
