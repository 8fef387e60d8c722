package io.wabiz.odoo.sync;

import io.wabiz.odoo.ConnectorProperties;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The companies a read is made for: the context puts them in {@code allowed_company_ids} (the first one is the
 * current company), shows archived rows ({@code active_test: false}) and asks for names in the first company's
 * language.
 */
record Companies(List<ConnectorProperties.Company> list) {

    Companies {
        list = List.copyOf(list);
    }

    static Companies only(ConnectorProperties.Company company) {
        return new Companies(List.of(company));
    }

    Map<String, Object> context() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("allowed_company_ids", list.stream().map(ConnectorProperties.Company::id).toList());
        context.put("active_test", false);
        list.stream().map(ConnectorProperties.Company::language).filter(l -> l != null && !l.isBlank()).findFirst()
                .ifPresent(language -> context.put("lang", language));
        return context;
    }

    boolean contains(Long companyId) {
        return companyId != null && list.stream().anyMatch(c -> c.id() == companyId);
    }

    ZoneId zone(Long companyId) {
        return list.stream().filter(c -> companyId != null && c.id() == companyId).findFirst()
                .or(() -> list.stream().findFirst()).map(c -> ZoneId.of(c.timeZone())).orElse(ZoneOffset.UTC);
    }
}
