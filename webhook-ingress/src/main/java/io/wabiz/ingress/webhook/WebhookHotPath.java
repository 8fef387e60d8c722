package io.wabiz.ingress.webhook;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.HttpHandler;
import org.springframework.http.server.reactive.HttpHandlerDecoratorFactory;

/**
 * Serves {@code POST /webhook} on the server's own request and response, ahead of WebFlux's web handler;
 * everything else (the GET handshake, other methods, actuator) goes on to it as usual. Meta's traffic is
 * all on this one path, and the exchange, handler mappings, observation and response builders of the
 * general path cost more CPU per request than the webhook's own checks (measured in bench/ingress).
 */
final class WebhookHotPath implements HttpHandlerDecoratorFactory {

    private final WebhookHandler handler;

    WebhookHotPath(WebhookHandler handler) {
        this.handler = handler;
    }

    @Override
    public HttpHandler apply(HttpHandler webHandler) {
        return (request, response) -> request.getMethod() == HttpMethod.POST
                && WebhookHandler.PATH.equals(request.getPath().pathWithinApplication().value())
                ? handler.receive(request, response)
                : webHandler.handle(request, response);
    }
}
