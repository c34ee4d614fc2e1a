package lesson6.demo;

import java.time.Duration;
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
     * @param micros    how long each request blocks or computes, in microseconds
     * @param perSecond requests a second
     * @param batch     how many of its requests arrive at once, as from a client that sends them in batches
     */
    public record SiteLoad(String name, Role role, int micros, int perSecond, int batch) {

        /** A site whose requests arrive one at a time. */
        public SiteLoad(String name, Role role, int micros, int perSecond) {
            this(name, role, micros, perSecond, 1);
        }

        /** The site as a pinned event's stack names it: its class's {@code work} method. */
        public String site() {
            return SiteKind.named(name).site();
        }

        /** How long each request blocks or computes. */
        public Duration pause() {
            return Duration.ofNanos(micros * 1_000L);
        }

        /** Microseconds a second for which its requests block or compute, all together. */
        long load() {
            return (long) micros * perSecond;
        }
    }

    /** Site names, in the order sites are always listed. */
    public static final List<String> NAMES = SiteKind.NAMES;

    public Plan {
        sites = List.copyOf(sites);
    }

    /**
     * A random plan: one cause or the other, roles shuffled over the sites; pins of 3 or 4 ms, in a class
     * initializer in a third of the pinning plans and inside a native callback in the others.
     */
    public static Plan random(Random random) {
        if (random.nextBoolean()) {
            return cpuBound(random);
        }
        Role pinning = random.nextInt(3) == 0 ? Role.PINS_IN_INITIALIZER : Role.PINS_IN_NATIVE;
        return pinning(random, NAMES.get(random.nextInt(NAMES.size())), (3 + random.nextInt(2)) * 1_000, pinning);
    }

    /**
     * Carriers starved by pinning at the named site, whose pins last {@code pinMicros} each (under 70 ms) and come
     * as often as fill about a second every second, with decoys: a site that is slower per request and never pins,
     * one that blocks longer inside {@code synchronized}, one that runs in a native callback without ever blocking
     * there, one whose pins last 70 to 90 ms, longer than any other even when a busy machine stretches one, but
     * come five or six times a second, and one whose pins last 1 ms each: 1.4 to 1.9 times as many as the named
     * site's when its pins last 2 ms or more, 300 to 450 a second when they are shorter. Both pinning decoys hold
     * carriers less than two thirds as long in all as the named site.
     *
     * @param role how the named site pins: {@link Role#PINS_IN_NATIVE} or {@link Role#PINS_IN_INITIALIZER}
     */
    public static Plan pinning(Random random, String pinner, int pinMicros, Role role) {
        if (!role.pins()) {
            throw new IllegalArgumentException(role + " never pins");
        }
        int pinsPerSecond = 1_000_000 / pinMicros;
        int shortPinsPerSecond = pinMicros >= 2_000 ? (int) (pinsPerSecond * (1.4 + 0.5 * random.nextDouble()))
                : 300 + random.nextInt(151);
        List<Function<String, SiteLoad>> decoys = new ArrayList<>(List.of(
                name -> unpinnedDecoy(random, name, Role.COMPUTES, pinMicros),
                name -> unpinnedDecoy(random, name, Role.WAITS_ON_MONITOR, pinMicros),
                name -> unpinnedDecoy(random, name, Role.COMPUTES_IN_NATIVE, pinMicros),
                name -> new SiteLoad(name, Role.PINS_IN_NATIVE, 1_000, shortPinsPerSecond),
                name -> new SiteLoad(name, Role.PINS_IN_NATIVE, (70 + random.nextInt(21)) * 1_000,
                        5 + random.nextInt(2))));
        Collections.shuffle(decoys, random);
        List<SiteLoad> sites = new ArrayList<>();
        for (String name : NAMES) {
            sites.add(name.equals(pinner) ? new SiteLoad(name, role, pinMicros, pinsPerSecond)
                    : decoys.removeFirst().apply(name));
        }
        return new Plan(Cause.PINNING, sites, 120 + random.nextInt(80));
    }

    /**
     * The same plan, with the pinning site's requests arriving {@code batch} at a time, as often in all: pinned at
     * once on as many carriers, they hold each for the same time, and a timeline of the site's pins fills
     * {@code batch} times less.
     */
    public Plan pinnerInBatches(int batch) {
        SiteLoad pinner = pinner();
        return new Plan(starvedBy, sites.stream().map(site -> site != pinner ? site
                : new SiteLoad(site.name(), site.role(), site.micros(), site.perSecond(), batch)).toList(),
                lightPerSecond);
    }

    /** The site whose pins hold carriers the longest in all; null when nothing pins. */
    public SiteLoad pinner() {
        return sites.stream().filter(site -> site.role().pins()).max(Comparator.comparingLong(SiteLoad::load))
                .orElse(null);
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
                sites.add(new SiteLoad(name, Role.COMPUTES, heavyMillis * 1_000, 1600 / heavyMillis));
            } else {
                Role role = random.nextBoolean() ? Role.WAITS_ON_MONITOR : Role.COMPUTES_IN_NATIVE;
                sites.add(unpinnedDecoy(random, name, role, 10_000));
            }
        }
        return new Plan(Cause.CPU_BOUND_WORK, sites, 120 + random.nextInt(80));
    }

    /**
     * The same plan, with one of the sites that never compute for long pinning now and then instead: two or three
     * pins a second of 10 to 20 ms, which hold carriers a few hundredths of a second every second.
     */
    public Plan withFewPins(Random random) {
        List<SiteLoad> light = sites.stream().filter(site -> site.role() != Role.COMPUTES).toList();
        SiteLoad pinning = light.get(random.nextInt(light.size()));
        return new Plan(starvedBy, sites.stream().map(site -> site != pinning ? site : new SiteLoad(site.name(),
                Role.PINS_IN_NATIVE, (10 + random.nextInt(11)) * 1_000, 2 + random.nextInt(2))).toList(),
                lightPerSecond);
    }

    /**
     * A decoy: slower or blocking longer than a pin of {@code pinMicros}, yet never pinned. The one that waits on a
     * monitor keeps about two and a half virtual threads waiting at a time, on average, more than the pins keep
     * pinned.
     */
    private static SiteLoad unpinnedDecoy(Random random, String name, Role role, int pinMicros) {
        int pinMillis = pinMicros / 1_000;
        return switch (role) {
            case COMPUTES -> new SiteLoad(name, role, (2 * pinMillis + 10 + random.nextInt(15)) * 1_000,
                    3 + random.nextInt(3));
            case WAITS_ON_MONITOR -> {
                int millis = 3 * pinMillis + 20 + random.nextInt(40);
                yield new SiteLoad(name, role, millis * 1_000, 2_500 / millis + random.nextInt(10));
            }
            case COMPUTES_IN_NATIVE -> new SiteLoad(name, role, (1 + random.nextInt(2)) * 1_000,
                    25 + random.nextInt(15));
            case PINS_IN_NATIVE, PINS_IN_INITIALIZER -> throw new IllegalArgumentException("this decoy never pins");
        };
    }

    /** Arguments for {@link CarrierService#main}, from which {@link #parse} gives this plan back. */
    public String[] args() {
        List<String> args = new ArrayList<>(List.of(starvedBy.name(), Integer.toString(lightPerSecond)));
        sites.forEach(site -> args.add(site.name() + "=" + site.role() + ":" + site.micros() + ":"
                + site.perSecond() + ":" + site.batch()));
        return args.toArray(String[]::new);
    }

    /** The plan written by {@link #args()}. */
    public static Plan parse(String... args) {
        List<SiteLoad> sites = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            String[] nameAndLoad = args[i].split("=", 2);
            String[] load = nameAndLoad[1].split(":");
            sites.add(new SiteLoad(nameAndLoad[0], Role.valueOf(load[0]), Integer.parseInt(load[1]),
                    Integer.parseInt(load[2]), Integer.parseInt(load[3])));
        }
        return new Plan(Cause.valueOf(args[0]), sites, Integer.parseInt(args[1]));
    }
}
