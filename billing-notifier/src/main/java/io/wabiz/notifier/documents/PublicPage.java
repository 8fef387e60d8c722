package io.wabiz.notifier.documents;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.HtmlUtils;

/**
 * The small pages a customer's phone shows when a public link cannot lead where it promised (expired, cancelled,
 * paid, unknown): a title and a sentence, in French and English, never a stack trace.
 */
public final class PublicPage {

    private PublicPage() {
    }

    public static ResponseEntity<String> of(HttpStatus status, String titleFr, String textFr, String titleEn,
                                            String textEn) {
        String html = """
                <!doctype html>
                <html lang="fr"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;color:#222}
                h1{font-size:1.3rem;color:#0b5c4a}p{line-height:1.5}.en{color:#666;margin-top:2rem}</style></head>
                <body><h1>%s</h1><p>%s</p><div class="en" lang="en"><h1>%s</h1><p>%s</p></div></body></html>
                """.formatted(HtmlUtils.htmlEscape(titleFr, "UTF-8"), HtmlUtils.htmlEscape(titleFr, "UTF-8"), HtmlUtils.htmlEscape(textFr, "UTF-8"),
                HtmlUtils.htmlEscape(titleEn, "UTF-8"), HtmlUtils.htmlEscape(textEn, "UTF-8"));
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html);
    }
}
