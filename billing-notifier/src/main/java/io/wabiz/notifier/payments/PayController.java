package io.wabiz.notifier.payments;

import io.wabiz.notifier.documents.PublicPage;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public payment links: {@code GET /pay/{token}} and the providers' way back, {@code /pay/return/{ref}}. */
@RestController
class PayController {

    private final PayLinks links;

    PayController(PayLinks links) {
        this.links = links;
    }

    @GetMapping("/pay/{token}")
    ResponseEntity<String> pay(@PathVariable String token) {
        return switch (links.open(token)) {
            case PayLinks.Opened.Redirect redirect -> ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .header(HttpHeaders.LOCATION, redirect.payUrl().toString())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
            case PayLinks.Opened.AlreadyPaid paid -> PublicPage.of(HttpStatus.OK, "Facture déjà payée",
                    "La facture " + paid.invoiceNumber() + " est entièrement payée : il n'y a plus rien à régler. Merci !",
                    "Invoice already paid", "Invoice " + paid.invoiceNumber() + " is fully paid: nothing is due. Thank you!");
            case PayLinks.Opened.Cancelled cancelled -> PublicPage.of(HttpStatus.GONE, "Facture annulée",
                    "La facture " + cancelled.invoiceNumber() + " a été annulée : elle n'est plus à payer.",
                    "Invoice cancelled", "Invoice " + cancelled.invoiceNumber() + " was cancelled: nothing is due.");
            case PayLinks.Opened.Unavailable unavailable -> PublicPage.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "Paiement momentanément indisponible", unavailable.providerName()
                            + " ne répond pas pour le moment. Réessayez dans une minute avec le même lien.",
                    "Payment unavailable for now", unavailable.providerName()
                            + " is not answering right now. Try the same link again in a minute.");
            case PayLinks.Opened.Invalid invalid -> PublicPage.of(HttpStatus.NOT_FOUND, "Lien de paiement inconnu",
                    "Ce lien ne correspond à aucune facture. Vérifiez qu'il est complet.",
                    "Unknown payment link", "This link does not lead to any invoice. Check that it is complete.");
        };
    }

    @GetMapping("/pay/return/{reference}")
    ResponseEntity<String> back(@PathVariable String reference, @RequestParam(defaultValue = "done") String outcome) {
        if (links.session(reference).isEmpty()) {
            return PublicPage.of(HttpStatus.NOT_FOUND, "Paiement inconnu", "Nous ne connaissons pas ce paiement.",
                    "Unknown payment", "We do not know this payment.");
        }
        return "failed".equals(outcome)
                ? PublicPage.of(HttpStatus.OK, "Paiement non abouti", "Le paiement n'a pas abouti. Vous pouvez "
                        + "réessayer avec le même lien, rien n'a été débité.", "Payment not completed",
                "The payment did not go through. You can try again with the same link; nothing was charged.")
                : PublicPage.of(HttpStatus.OK, "Merci !", "Votre paiement est reçu par le prestataire ; la "
                        + "confirmation arrive sur WhatsApp dès que la facture est mise à jour.", "Thank you!",
                "Your payment reached the provider; you will get the confirmation on WhatsApp once the invoice is "
                        + "updated.");
    }
}
