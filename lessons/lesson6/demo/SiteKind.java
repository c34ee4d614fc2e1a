package lesson6.demo;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The sites of {@link CarrierService}, each in one place: the short name a {@link Plan} gives it, and the class whose
 * {@code work} method does its requests, so that a stack trace names the site.
 */
enum SiteKind {
    GEOCODER("geocoder", Geocoder.class, Geocoder::new),
    THUMBNAILS("thumbnails", Thumbnails.class, Thumbnails::new),
    TAX_TABLES("tax-tables", TaxTables.class, TaxTables::new),
    SEARCH("search", Search.class, Search::new),
    INVOICES("invoices", Invoices.class, Invoices::new),
    AUDIT_TRAIL("audit-trail", AuditTrail.class, AuditTrail::new);

    /** Every site's short name, in the order sites are always listed. */
    static final List<String> NAMES = Arrays.stream(values()).map(kind -> kind.name).toList();

    private final String name;
    private final Class<? extends Site> type;
    private final BiFunction<Role, Duration, Site> create;

    SiteKind(String name, Class<? extends Site> type, BiFunction<Role, Duration, Site> create) {
        this.name = name;
        this.type = type;
        this.create = create;
    }

    static SiteKind named(String name) {
        return Arrays.stream(values()).filter(kind -> kind.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no site named " + name));
    }

    /** The site as a pinned event's stack names it: its class's {@code work} method. */
    String site() {
        return type.getName() + ".work";
    }

    Site create(Role role, Duration pause) {
        return create.apply(role, pause);
    }
}
