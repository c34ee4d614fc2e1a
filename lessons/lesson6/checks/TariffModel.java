package lesson6.checks;

/**
 * What exercise {@code free-the-carriers}'s service must answer, computed by the check itself from the same
 * formulas as the original service, so that an answer cannot be changed by changing the service's own copy.
 */
final class TariffModel {

    private TariffModel() {}

    /** The lowest of a product's four price tiers, in euro cents. */
    static long lowestTier(String sku) {
        long seed = sku.hashCode() * 0x9E3779B97F4A7C15L;
        long lowest = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            lowest = Math.min(lowest, 500 + Math.floorMod(seed >>> 17, 200_000L));
        }
        return lowest;
    }

    /** The quote for a product at a rate in millionths. */
    static long quote(String sku, long rate) {
        return Math.round(lowestTier(sku) * rate / 1e6);
    }

    /** The checksum of a report of {@code pages} pages. */
    static long render(int pages) {
        long checksum = pages;
        for (long i = pages * 1_000_000L; i > 0; i--) {
            checksum ^= checksum << 13;
            checksum ^= checksum >>> 7;
            checksum ^= checksum << 17;
            checksum += i;
        }
        return checksum;
    }
}
