package io.wabiz.notifier.pdf;

import java.util.List;

/**
 * The issuing company as printed at the top of its invoices.
 *
 * @param taxIds such as {@code NINEA 004567890 2G3} or {@code RCCM SN-DKR-2021-B-1234}, printed as given
 * @param logo   PNG or JPEG bytes, or null for none
 */
public record Letterhead(String name, List<String> addressLines, List<String> taxIds, String phone, String email,
                         byte[] logo) {

    public Letterhead {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a letterhead needs the company's name");
        }
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
        taxIds = taxIds == null ? List.of() : List.copyOf(taxIds);
        logo = logo == null ? null : logo.clone();
    }

    @Override
    public byte[] logo() {
        return logo == null ? null : logo.clone();
    }

    boolean hasLogo() {
        return logo != null && logo.length > 0;
    }
}
