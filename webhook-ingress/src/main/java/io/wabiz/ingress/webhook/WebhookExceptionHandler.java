package io.wabiz.ingress.webhook;

import io.wabiz.ingress.webhook.IngressMetrics.Outcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error is an RFC 9457 problem; callers never see a stack trace or an exception message of ours. */
@RestControllerAdvice
class WebhookExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookExceptionHandler.class);

    private final IngressMetrics metrics;

    WebhookExceptionHandler(IngressMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
                                                                     HttpHeaders headers, HttpStatusCode status,
                                                                     WebRequest request) {
        metrics.request(Outcome.UNSUPPORTED_MEDIA_TYPE);
        return super.handleHttpMediaTypeNotSupported(ex, headers, status, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        metrics.request(Outcome.ERROR);
        log.error("Unexpected error while handling a webhook", e);
        return WebhookController.problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The webhook could not be handled; nothing was acknowledged.");
    }
}
