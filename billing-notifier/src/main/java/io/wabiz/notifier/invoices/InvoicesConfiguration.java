package io.wabiz.notifier.invoices;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.notification.routing.BusinessNumberRouting;
import io.wabiz.notifier.NotifierProperties;
import io.wabiz.notifier.documents.DocumentLinks;
import io.wabiz.notifier.documents.InvoicePdfStore;
import io.wabiz.notification.links.SignedTokens;
import io.wabiz.notifier.messages.NotifierTexts;
import io.wabiz.notifier.notifications.NotificationDispatcher;
import io.wabiz.notifier.notifications.NotificationLog;
import io.wabiz.notifier.partners.PartnerProjection;
import io.wabiz.notifier.payments.OrangeMoneyWebPay;
import io.wabiz.notifier.payments.PayLinks;
import io.wabiz.notifier.payments.PaymentCallbacks;
import io.wabiz.notifier.payments.PaymentLinkProvider;
import io.wabiz.notifier.payments.PaymentProviders;
import io.wabiz.notifier.payments.PaymentSession;
import io.wabiz.notifier.payments.PaymentSessions;
import io.wabiz.notifier.payments.WaveCheckout;
import io.wabiz.notifier.pdf.DocumentFormats;
import io.wabiz.notifier.pdf.InvoicePdfRenderer;
import io.wabiz.notifier.pdf.Letterhead;
import io.wabiz.notifier.pdf.PdfFonts;
import io.wabiz.platform.kafka.TopicPublisher;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Wires the invoice flows (PDFs, signed document links, payment links and providers, callbacks) from
 * {@link InvoicesProperties}, next to the notifier's own configuration whose partners, routing, texts and
 * notification log they use.
 */
@Configuration(proxyBeanMethods = false)
public class InvoicesConfiguration {

    @Bean
    SignedTokens signedTokens(InvoicesProperties properties) {
        return new SignedTokens(properties.signingKey(), properties.previousSigningKeys());
    }

    @Bean
    InvoiceProjection invoiceProjection(MongoTemplate mongo) {
        return new InvoiceProjection(mongo);
    }

    @Bean
    InvoicePdfStore invoicePdfStore(MongoTemplate mongo, Clock clock) {
        return new InvoicePdfStore(mongo, clock);
    }

    @Bean
    DocumentLinks documentLinks(SignedTokens tokens, InvoicePdfStore pdfs, InvoiceProjection invoices,
                                InvoicesProperties properties, Clock clock) {
        return new DocumentLinks(tokens, pdfs, invoices, properties.publicBaseUrl(), properties.documentLinkLifetime(),
                clock);
    }

    @Bean
    PaymentProviders paymentProviders(InvoicesProperties properties, Clock clock) {
        InvoicesProperties.Payments payments = properties.payments();
        Map<String, PaymentLinkProvider> configured = new ConcurrentHashMap<>();
        InvoicesProperties.Wave wave = payments.wave();
        if (wave != null && wave.apiKey() != null && !wave.apiKey().isBlank()) {
            configured.put(wave.id(), new WaveCheckout(new WaveCheckout.Settings(wave.id(), wave.displayName(),
                    wave.baseUrl(), wave.apiKey(), WaveCheckout.WebhookStrategy.valueOf(wave.webhookStrategy()),
                    wave.webhookSecret(), wave.replayWindow(), wave.aggregatedMerchantId(), wave.currencies(),
                    wave.connectTimeout(), wave.timeout())));
        }
        InvoicesProperties.OrangeMoney orange = payments.orangeMoney();
        if (orange != null && orange.clientId() != null && !orange.clientId().isBlank()) {
            configured.put(orange.id(), new OrangeMoneyWebPay(new OrangeMoneyWebPay.Settings(orange.id(),
                    orange.displayName(), orange.baseUrl(), orange.country(), orange.clientId(), orange.clientSecret(),
                    orange.merchantKey(), orange.wireCurrency(), orange.currencies(), orange.reference(),
                    orange.tokenSkew(), orange.connectTimeout(), orange.timeout()), clock));
        }
        List<PaymentLinkProvider> ordered = new ArrayList<>();
        payments.order().forEach(id -> {
            if (configured.containsKey(id)) {
                ordered.add(configured.remove(id));
            }
        });
        ordered.addAll(configured.values());
        return new PaymentProviders(ordered);
    }

    @Bean
    PaymentSessions paymentSessions(MongoTemplate mongo) {
        return new PaymentSessions(mongo);
    }

    @Bean
    PayLinks payLinks(SignedTokens tokens, InvoiceProjection invoices, PaymentProviders providers,
                      PaymentSessions sessions, InvoicesProperties properties, Clock clock) {
        InvoicesProperties.Payments payments = properties.payments();
        return new PayLinks(tokens, invoices, providers, sessions, new PayLinks.Settings(properties.publicBaseUrl(),
                payments.reuseMargin(), payments.assumedLifetime(), payments.lease(), properties.payLinkLifetime()),
                clock);
    }

    @Bean
    PaymentCallbacks paymentCallbacks(PaymentProviders providers, PaymentSessions sessions, InvoiceProjection invoices,
                                      MongoTemplate mongo, TopicPublisher publisher, MeterRegistry meters,
                                      NotifierProperties notifier, Clock clock) {
        return new PaymentCallbacks(providers, sessions, invoices, mongo, publisher, meters, notifier.publishTimeout(),
                clock);
    }

    @Bean
    InvoicePdfRenderer invoicePdfRenderer(NotifierTexts texts) {
        return new InvoicePdfRenderer(PdfFonts.dejaVuSans(), new DocumentFormats() {
            @Override
            public String money(BigDecimal amount, String currency, Locale locale) {
                return texts.money(amount, currency, locale);
            }

            @Override
            public String date(LocalDate date, Locale locale) {
                return texts.date(date, locale);
            }
        });
    }

    @Bean
    InvoicePdfs invoicePdfs(InvoicePdfRenderer renderer, InvoicePdfStore store, InvoicesProperties properties,
                            PayLinks payLinks) {
        Letterhead fallback = letterhead(properties.letterhead(), "Entreprise");
        Map<String, Letterhead> byCompany = new ConcurrentHashMap<>();
        properties.companies().forEach((id, head) -> byCompany.put(id, letterhead(head, fallback.name())));
        return new InvoicePdfs(renderer, store, companyId -> companyId == null ? fallback
                : byCompany.getOrDefault(companyId, fallback), payLinks);
    }

    @Bean
    InvoiceMessages invoiceMessages(NotifierTexts texts) {
        return new InvoiceMessages(texts);
    }

    @Bean
    InvoiceNotifications invoiceNotifications(NotifierProperties properties, InvoicesProperties invoiceProperties,
                                              BusinessNumberRouting routing, NotifierTexts texts,
                                              InvoiceMessages messages, InvoicePdfs pdfs, PayLinks payLinks,
                                              DocumentLinks documentLinks, Clock clock) {
        return new InvoiceNotifications(properties, invoiceProperties, routing, texts, messages, pdfs, payLinks,
                documentLinks, clock);
    }

    @Bean
    InvoiceListener invoiceListener(InvoiceProjection invoices, PartnerProjection partners,
                                    InvoiceNotifications notifications, NotificationDispatcher dispatcher,
                                    NotificationLog log, PayLinks payLinks) {
        return new InvoiceListener(invoices, partners, notifications, dispatcher, log, payLinks);
    }

    @Bean
    InvoicePartnerArrivals invoicePartnerArrivals(InvoiceProjection invoices, InvoiceNotifications notifications) {
        return new InvoicePartnerArrivals(invoices, notifications);
    }

    @Bean
    PaymentIndexes paymentIndexes(MongoTemplate mongo) {
        return new PaymentIndexes(mongo);
    }

    /** The payment sessions' lookups: by invoice, by the provider's id, by Orange's notification token. */
    static final class PaymentIndexes {
        PaymentIndexes(MongoTemplate mongo) {
            var sessions = mongo.indexOps(PaymentSession.class);
            sessions.createIndex(new Index().on("invoiceId", Sort.Direction.ASC).on("provider", Sort.Direction.ASC));
            sessions.createIndex(new Index().on("provider", Sort.Direction.ASC).on("providerRef", Sort.Direction.ASC));
            sessions.createIndex(new Index().on("secrets.notif_token", Sort.Direction.ASC).sparse());
        }
    }

    private static Letterhead letterhead(InvoicesProperties.Letterhead head, String defaultName) {
        String name = head == null || head.name() == null || head.name().isBlank() ? defaultName : head.name();
        return new Letterhead(name, head == null ? null : head.addressLines(), head == null ? null : head.taxIds(),
                head == null ? null : head.phone(), head == null ? null : head.email(),
                head == null ? null : logo(head.logo()));
    }

    private static byte[] logo(String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        String resource = location.contains(":") ? location : "file:" + location;
        try (InputStream in = new DefaultResourceLoader().getResource(resource).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the invoice logo " + location, e);
        }
    }
}
