package io.wabiz.scenarioengine.partners;

import java.util.List;

/** A customer as the engine knows them from {@code erp.partners}: who they are and which language they read. */
public record PartnerView(String partnerId, String name, String language, List<String> waIds, boolean active,
                          String companyId) {

    public PartnerView {
        waIds = waIds == null ? List.of() : List.copyOf(waIds);
    }
}
