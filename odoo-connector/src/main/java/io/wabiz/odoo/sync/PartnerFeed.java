package io.wabiz.odoo.sync;

import io.wabiz.events.TopicRecord;
import io.wabiz.events.erp.OptInState;
import io.wabiz.events.erp.PartnerUpserted;
import io.wabiz.odoo.ConnectorProperties;
import io.wabiz.odoo.health.Odoo;
import io.wabiz.odoo.rpc.OdooValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code res.partner} to {@code PartnerUpserted}, archived ones included ({@code active: false}): the phone fields in
 * the configured order (mobile first), the language, the country's code, the company it belongs to (none for
 * partners shared by all companies), the WhatsApp consent from a custom field when one is configured.
 */
final class PartnerFeed implements ModelFeed {

    private final Odoo odoo;
    private final OdooCatalog catalog;
    private final ConnectorProperties.Mapping mapping;

    PartnerFeed(Odoo odoo, OdooCatalog catalog, ConnectorProperties.Mapping mapping) {
        this.odoo = odoo;
        this.catalog = catalog;
        this.mapping = mapping;
    }

    @Override
    public SyncedModel kind() {
        return SyncedModel.PARTNERS;
    }

    @Override
    public List<Object> domain(ConnectorProperties.Company company) {
        return List.of("|", List.of("company_id", "=", false), List.of("company_id", "=", company.id()));
    }

    private List<String> fields() {
        List<String> wanted = new ArrayList<>(List.of("name", "is_company", "parent_id", "commercial_partner_id",
                "email", "country_id", "company_id", "active", "write_date"));
        wanted.addAll(mapping.partnerPhoneFields());
        wanted.add(mapping.partnerLanguageField());
        if (mapping.partnerOptInField() != null && !mapping.partnerOptInField().isBlank()) {
            wanted.add(mapping.partnerOptInField());
        }
        return catalog.existing("res.partner", wanted);
    }

    @Override
    public List<Snapshot> read(List<Long> ids, Companies companies) {
        Map<String, Object> context = companies.context();
        List<String> fields = fields();
        JsonNode rows = odoo.read(client -> client.read("res.partner", ids, fields, context));
        List<Snapshot> snapshots = new ArrayList<>(rows.size());
        for (JsonNode row : rows) {
            Long companyId = OdooValues.id(row.get("company_id"));
            if (companyId != null && !companies.contains(companyId)) {
                continue;
            }
            long id = row.get("id").longValue();
            List<String> phones = new ArrayList<>();
            for (String field : mapping.partnerPhoneFields()) {
                String phone = OdooValues.text(row.get(field));
                if (phone != null && !phone.isBlank()) {
                    phones.add(phone.strip());
                }
            }
            Long commercial = OdooValues.id(row.get("commercial_partner_id"));
            String companyName = row.path("is_company").asBoolean(false) ? OdooValues.text(row.get("name"))
                    : commercial != null && commercial != id ? OdooValues.name(row.get("commercial_partner_id")) : null;
            PartnerUpserted partner = new PartnerUpserted(null, null, "res.partner/" + id,
                    OdooValues.text(row.get("name")), companyName, phones, OdooValues.text(row.get("email")),
                    OdooValues.text(row.get(mapping.partnerLanguageField())),
                    catalog.countryCode(OdooValues.id(row.get("country_id"))), optIn(row),
                    row.path("active").asBoolean(true), companyId == null ? null : "res.company/" + companyId);
            snapshots.add(new Snapshot("res.partner/" + id, id, OdooValues.text(row.get("write_date")),
                    Fingerprints.of(partner), partner.active() ? "active" : "archived", null, null, null, companyId,
                    version -> partner));
        }
        return snapshots;
    }

    /** A boolean consent field: true is opted in; a selection: its key read as in/out. */
    private OptInState optIn(JsonNode row) {
        String field = mapping.partnerOptInField();
        if (field == null || field.isBlank() || !row.has(field)) {
            return OptInState.UNKNOWN;
        }
        JsonNode value = row.get(field);
        if (value.isBoolean()) {
            return value.booleanValue() ? OptInState.OPTED_IN : OptInState.UNKNOWN;
        }
        String key = value.asString("").toLowerCase(Locale.ROOT);
        if (key.contains("out") || key.equals("no") || key.equals("refused")) {
            return OptInState.OPTED_OUT;
        }
        if (key.contains("in") || key.equals("yes") || key.equals("accepted")) {
            return OptInState.OPTED_IN;
        }
        return OptInState.UNKNOWN;
    }

    @Override
    public List<TopicRecord> events(Snapshot now, RecordEntry previous, Stamp stamp) {
        PartnerUpserted read = (PartnerUpserted) now.document().withVersion(stamp.version());
        return List.of(new PartnerUpserted(stamp.eventId(), stamp.occurredAt(), read.partnerId(), read.name(),
                read.companyName(), read.phoneNumbers(), read.email(), read.language(), read.countryCode(),
                read.whatsappOptIn(), read.active(), read.companyId()));
    }
}
