package io.wabiz.notifier.documents;

import java.time.Duration;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /documents/{token}}: the invoice PDF behind a signed link, or a page saying why not. Public. */
@RestController
class DocumentController {

    private final DocumentLinks links;

    DocumentController(DocumentLinks links) {
        this.links = links;
    }

    @GetMapping("/documents/{token}")
    ResponseEntity<?> download(@PathVariable String token) {
        return switch (links.open(token)) {
            case DocumentLinks.Opened.Found found -> {
                HttpHeaders headers = new HttpHeaders();
                headers.setContentType(MediaType.APPLICATION_PDF);
                headers.setContentDisposition(ContentDisposition.inline().filename(found.pdf().filename(),
                        java.nio.charset.StandardCharsets.UTF_8).build());
                headers.setETag("\"" + found.pdf().sha256() + "\"");
                headers.setCacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePrivate());
                yield new ResponseEntity<>(found.pdf().bytes(), headers, HttpStatus.OK);
            }
            case DocumentLinks.Opened.Expired expired -> PublicPage.of(HttpStatus.GONE, "Lien expiré",
                    "Ce lien de téléchargement a expiré. Répondez-nous sur WhatsApp pour recevoir à nouveau la facture.",
                    "Link expired", "This download link has expired. Reply to us on WhatsApp to get the invoice again.");
            case DocumentLinks.Opened.Cancelled cancelled -> PublicPage.of(HttpStatus.GONE, "Facture annulée",
                    "La facture " + cancelled.invoiceNumber() + " a été annulée : elle n'est plus à payer.",
                    "Invoice cancelled", "Invoice " + cancelled.invoiceNumber() + " was cancelled: nothing is due.");
            case DocumentLinks.Opened.NotFound notFound -> PublicPage.of(HttpStatus.NOT_FOUND, "Lien inconnu",
                    "Ce lien ne correspond à aucun document. Vérifiez qu'il est complet.",
                    "Unknown link", "This link does not lead to any document. Check that it is complete.");
        };
    }
}
