package io.wabiz.notifier.invoices;

import io.wabiz.events.erp.ErpDocumentType;
import io.wabiz.events.erp.Invoice;
import io.wabiz.events.erp.NotificationKind;
import io.wabiz.events.outbound.Correlation;
import io.wabiz.events.outbound.OutboundContent.MediaUpload;
import io.wabiz.events.outbound.SendMessage;
import io.wabiz.notification.SkipReason;
import io.wabiz.notification.keys.IdempotencyKey;
import io.wabiz.notification.partners.ContactRules;
import io.wabiz.notification.partners.PartnerContact;
import io.wabiz.notification.partners.Reachability;
import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notification.routing.CompanyRoute;
import io.wabiz.notification.templates.TemplateNames.TemplateRef;
import io.wabiz.notifier.NotifierProperties;
import io.wabiz.notifier.documents.DocumentLinks;
import io.wabiz.notifier.documents.StoredPdf;
import io.wabiz.notifier.messages.NotifierTexts;
import io.wabiz.notifier.notifications.NotificationPlan;
import io.wabiz.notifier.notifications.NotificationPlan.Context;
import io.wabiz.notifier.payments.PayLinks;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides the invoice notifications: the posted invoice (its PDF, uploaded by the sender), the residual after a
 * partial payment, the thank-you, the cancellation, and the details asked for. Each fact is one plan (send, skip
 * with the reason, or wait for the partner) under its own idempotency key. Plain Java.
 */
public class InvoiceNotifications {

    static final String ACTOR = "billing-notifier";

    private final NotifierProperties properties;
    private final InvoicesProperties invoiceProperties;
    private final BusinessNumberRouting routing;
    private final NotifierTexts texts;
    private final InvoiceMessages messages;
    private final InvoicePdfs pdfs;
    private final PayLinks payLinks;
    private final DocumentLinks documentLinks;
    private final Clock clock;

    public InvoiceNotifications(NotifierProperties properties, InvoicesProperties invoiceProperties,
                                BusinessNumberRouting routing, NotifierTexts texts, InvoiceMessages messages,
                                InvoicePdfs pdfs, PayLinks payLinks, DocumentLinks documentLinks, Clock clock) {
        this.properties = properties;
        this.invoiceProperties = invoiceProperties;
        this.routing = routing;
        this.texts = texts;
        this.messages = messages;
        this.pdfs = pdfs;
        this.payLinks = payLinks;
        this.documentLinks = documentLinks;
        this.clock = clock;
    }

    public static IdempotencyKey postedKey(InvoiceDocument doc) {
        return IdempotencyKey.ofVersion(NotificationKind.INVOICE, ErpDocumentType.INVOICE, doc.id(), doc.postedVersion());
    }

    public static IdempotencyKey residualKey(InvoiceDocument doc) {
        return IdempotencyKey.ofVersion(NotificationKind.RESIDUAL, ErpDocumentType.INVOICE, doc.id(), doc.version());
    }

    /** One thank-you per invoice, whichever event (update or paid) brought it to zero. */
    public static IdempotencyKey paidKey(InvoiceDocument doc) {
        return new IdempotencyKey(NotificationKind.RESIDUAL, ErpDocumentType.INVOICE, doc.id(), "paid");
    }

    public static IdempotencyKey cancelledKey(InvoiceDocument doc) {
        return new IdempotencyKey(NotificationKind.INVOICE, ErpDocumentType.INVOICE, doc.id(), "cancelled");
    }

    public static IdempotencyKey detailsKey(String invoiceId, String fact) {
        return new IdempotencyKey(NotificationKind.INVOICE_DETAILS, ErpDocumentType.INVOICE, invoiceId, fact);
    }

    /** The invoice's PDF with its caption, once per invoice, while something is still to be paid or just paid. */
    public NotificationPlan posted(InvoiceDocument doc, PartnerContact partner, String triggeredBy, Instant receivedAt) {
        Context context = context(doc, postedKey(doc), triggeredBy, doc.postedAt(), receivedAt);
        return decide(context, doc, partner, NotificationKind.INVOICE, "invoice-posted", doc.status() == InvoiceDocument.Status.CANCELLED,
                (target) -> {
                    Invoice invoice = doc.invoice();
                    StoredPdf pdf = pdfs.pdfOf(doc, target.language());
                    MediaUpload upload = pdfs.upload(pdf, documentLinks);
                    return messages.posted(invoice, target.name(), target.language(), pdf.filename(), upload,
                            payLinks(doc), target.template());
                });
    }

    /**
     * After a partial payment: when the residual dropped by more than the configured minimum and stays above zero,
     * what was paid and what is left; when it reached zero, a thank-you (if so configured). Empty when the change
     * calls for no message.
     */
    public Optional<NotificationPlan> residualChanged(InvoiceDocument doc, BigDecimal previousResidual,
                                                      PartnerContact partner, String triggeredBy, Instant factAt,
                                                      Instant receivedAt) {
        if (doc.cancelled() || doc.postedVersion() == null) {
            return Optional.empty();
        }
        BigDecimal residual = doc.residual();
        if (residual.signum() <= 0) {
            if (!invoiceProperties.residual().thankWhenPaid()) {
                return Optional.empty();
            }
            Context context = context(doc, paidKey(doc), triggeredBy, factAt, receivedAt);
            return Optional.of(decide(context, doc, partner, NotificationKind.RESIDUAL, "invoice-paid", false,
                    target -> messages.paid(doc.invoice(), target.name(), target.language(), target.template())));
        }
        if (previousResidual == null) {
            return Optional.empty();
        }
        BigDecimal drop = previousResidual.subtract(residual);
        if (drop.compareTo(invoiceProperties.residual().minimumDrop()) <= 0 || drop.signum() <= 0) {
            return Optional.empty();
        }
        Context context = context(doc, residualKey(doc), triggeredBy, factAt, receivedAt);
        return Optional.of(decide(context, doc, partner, NotificationKind.RESIDUAL, "invoice-residual", false,
                target -> messages.residual(doc.invoice(), drop, target.name(), target.language(), payLinks(doc),
                        target.template())));
    }

    /** The invoice is void: told only if the customer was sent it (or a reminder of it). */
    public NotificationPlan cancelled(InvoiceDocument doc, PartnerContact partner, String triggeredBy,
                                      Instant factAt, Instant receivedAt) {
        Context context = context(doc, cancelledKey(doc), triggeredBy, factAt, receivedAt);
        return decide(context, doc, partner, NotificationKind.INVOICE, "invoice-cancelled", false,
                target -> messages.cancelled(doc.invoice(), target.name(), target.language(), target.template()));
    }

    /** The details asked for from WhatsApp (or by staff): to the asker, else the partner. */
    public NotificationPlan details(InvoiceDocument doc, String invoiceId, PartnerContact partner, String triggeredBy,
                                    Instant factAt, Instant receivedAt, IdempotencyKey key,
                                    String businessPhoneNumberId, String customerWaId, String replyTo) {
        if (doc == null) {
            return new NotificationPlan.Skip(new Context(key, null, null, triggeredBy, factAt, receivedAt),
                    SkipReason.DOCUMENT_UNKNOWN);
        }
        Context context = context(doc, key, triggeredBy, factAt, receivedAt);
        Target asker = customerWaId != null && businessPhoneNumberId != null
                ? new Target(businessPhoneNumberId, customerWaId, null, null, null, replyTo) : null;
        return decide(context, doc, partner, NotificationKind.INVOICE_DETAILS, "invoice-details", false, asker,
                target -> {
                    String pdfLink = doc.postedVersion() == null ? null
                            : documentLinks.linkTo(pdfs.pdfOf(doc, target.language()));
                    return messages.details(doc, target.name(), target.language(),
                            doc.status() == InvoiceDocument.Status.OPEN ? payLinks(doc) : List.of(), pdfLink,
                            invoiceProperties.detailsMaxLines(), target.template());
                });
    }

    /** Who a message goes to, in which language, with which template. */
    record Target(String businessPhoneNumberId, String waId, String name, Locale language, TemplateRef template,
                  String replyTo) {
    }

    private NotificationPlan decide(Context context, InvoiceDocument doc, PartnerContact partner, NotificationKind kind,
                                    String purpose, boolean stale,
                                    Function<Target, InvoiceMessages.Message> compose) {
        return decide(context, doc, partner, kind, purpose, stale, null, compose);
    }

    private NotificationPlan decide(Context context, InvoiceDocument doc, PartnerContact partner, NotificationKind kind,
                                    String purpose, boolean stale, Target asker,
                                    Function<Target, InvoiceMessages.Message> compose) {
        String companyId = doc.invoice().companyId();
        if (!properties.flowEnabled(companyId, kind)) {
            return new NotificationPlan.Skip(context, SkipReason.FLOW_DISABLED);
        }
        if (stale) {
            return new NotificationPlan.Skip(context, SkipReason.DOCUMENT_STATE_CHANGED);
        }
        Optional<CompanyRoute> route = routing.route(companyId);
        if (route.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_BUSINESS_NUMBER);
        }
        String number;
        String waId;
        if (asker != null) {
            number = asker.businessPhoneNumberId();
            waId = asker.waId();
        } else {
            if (partner == null) {
                return waitOrGiveUp(context);
            }
            Reachability reachability = ContactRules.reachability(partner, route.get().optInPolicy());
            if (reachability instanceof Reachability.Unreachable unreachable) {
                return new NotificationPlan.Skip(context, unreachable.reason());
            }
            number = route.get().businessPhoneNumberId();
            waId = ((Reachability.Reachable) reachability).waId();
        }
        Locale language = texts.languageOf(partner, route.get());
        Optional<TemplateRef> template = texts.template(purpose, language);
        if (template.isEmpty()) {
            return new NotificationPlan.Skip(context, SkipReason.NO_TEMPLATE);
        }
        String name = partner != null ? partner.greetingName() : doc.invoice().partnerName();
        Target target = new Target(number, waId, name, language, template.get(), asker == null ? null : asker.replyTo());
        InvoiceMessages.Message message = compose.apply(target);
        Correlation correlation = new Correlation(ErpDocumentType.INVOICE, doc.id(), kind,
                Correlation.Origin.AUTOMATION, ACTOR, doc.invoice().number());
        SendMessage command = new SendMessage(commandId(context.key()), clock.instant(), number, waId,
                message.content(), message.fallback(), context.key().toString(), correlation, target.replyTo());
        return new NotificationPlan.Send(context, command);
    }

    private List<PayLinks.Link> payLinks(InvoiceDocument doc) {
        return payLinks.linksFor(doc.id(), doc.invoice().currency());
    }

    private NotificationPlan waitOrGiveUp(Context context) {
        Instant factAt = context.factAt();
        if (factAt != null && Duration.between(factAt, clock.instant()).compareTo(properties.partnerWait()) > 0) {
            return new NotificationPlan.Skip(context, SkipReason.PARTNER_UNKNOWN);
        }
        return new NotificationPlan.WaitForPartner(context);
    }

    private static Context context(InvoiceDocument doc, IdempotencyKey key, String triggeredBy, Instant factAt,
                                   Instant receivedAt) {
        return new Context(key, doc.invoice().partnerId(), doc.invoice().companyId(), triggeredBy, factAt, receivedAt);
    }

    /** A command id derived from the key: the same fact always gives the same command, even rebuilt. */
    static String commandId(IdempotencyKey key) {
        return UUID.nameUUIDFromBytes(("send:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
