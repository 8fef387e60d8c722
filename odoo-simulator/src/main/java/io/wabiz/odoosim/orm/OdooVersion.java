package io.wabiz.odoosim.orm;

import java.util.List;

/**
 * The Odoo release the stand-in plays, as {@code common.version} reports it, and the behaviours that differ
 * between 16, 17 and 18 (see the README's version table).
 *
 * @param major 16, 17 or 18 (a {@code saas~17.2} build behaves as 17)
 */
public record OdooVersion(int major, String serverVersion, List<Object> serverVersionInfo, String serverSerie) {

    public static OdooVersion of(String version) {
        return switch (version) {
            case "16.0" -> new OdooVersion(16, "16.0-20230301", List.of(16, 0, 0, "final", 0, ""), "16.0");
            case "17.0" -> new OdooVersion(17, "17.0-20240709", List.of(17, 0, 0, "final", 0, ""), "17.0");
            case "18.0" -> new OdooVersion(18, "18.0-20250702", List.of(18, 0, 0, "final", 0, ""), "18.0");
            case "saas~17.2+e" -> new OdooVersion(17, "saas~17.2+e", List.of("saas~17", 2, 0, "final", 0, "e"),
                    "saas~17.2");
            default -> throw new IllegalArgumentException("odoo-simulator.version must be 16.0, 17.0, 18.0 or "
                    + "saas~17.2+e, not " + version);
        };
    }

    public boolean atLeast(int version) {
        return major >= version;
    }
}
