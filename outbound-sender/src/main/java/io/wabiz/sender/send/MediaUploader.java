package io.wabiz.sender.send;

import io.wabiz.events.outbound.OutboundContent;
import io.wabiz.events.outbound.OutboundContent.MediaUpload;
import io.wabiz.events.outbound.OutboundContent.TemplateComponent;
import io.wabiz.events.outbound.OutboundContent.TemplateParameter;
import io.wabiz.sender.SenderProperties;
import io.wabiz.sender.graph.GraphAccount;
import io.wabiz.sender.graph.GraphApiClient;
import io.wabiz.sender.graph.GraphResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Uploads the files a command carries ({@link MediaUpload}: a document, or a template's document header) to Meta's
 * media endpoint before the send, and gives the content back with the media ids Meta answered, so Meta never has to
 * fetch a link of ours (error 131053). Bytes come from the record or from the internal URL it names. Uploads are
 * retried like sends; content without uploads passes through untouched.
 */
final class MediaUploader {

    private final GraphApiClient graph;
    private final RetryPolicy retryPolicy;
    private final HttpClient fetcher;
    private final SenderProperties.GraphApi config;

    MediaUploader(GraphApiClient graph, RetryPolicy retryPolicy, SenderProperties.GraphApi config) {
        this.graph = graph;
        this.retryPolicy = retryPolicy;
        this.config = config;
        this.fetcher = HttpClient.newBuilder().connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The content as it can be sent. */
    sealed interface Prepared {
        record Ready(OutboundContent content) implements Prepared {
        }

        /** Meta refused the upload, or did not answer: the send is reported with this result. */
        record UploadFailed(GraphResult result) implements Prepared {
        }

        /** The file could not be had (its internal URL failed, or its bytes do not match their digest). */
        record Unavailable(String reason) implements Prepared {
        }
    }

    Prepared prepare(GraphAccount account, OutboundContent content) throws InterruptedException {
        return switch (content) {
            case OutboundContent.Document document when document.upload() != null -> {
                Upload upload = upload(account, document.upload(), document.filename());
                yield upload.failure() != null ? upload.failure()
                        : new Prepared.Ready(document.withMediaId(upload.mediaId()));
            }
            case OutboundContent.Template template when hasUpload(template) -> prepareTemplate(account, template);
            default -> new Prepared.Ready(content);
        };
    }

    private Prepared prepareTemplate(GraphAccount account, OutboundContent.Template template)
            throws InterruptedException {
        List<TemplateComponent> components = new ArrayList<>();
        for (TemplateComponent component : template.components()) {
            List<TemplateParameter> parameters = new ArrayList<>();
            for (TemplateParameter parameter : component.parameters()) {
                if (parameter.upload() == null) {
                    parameters.add(parameter);
                    continue;
                }
                Upload upload = upload(account, parameter.upload(), parameter.filename());
                if (upload.failure() != null) {
                    return upload.failure();
                }
                parameters.add(parameter.withMediaId(upload.mediaId()));
            }
            components.add(new TemplateComponent(component.type(), component.subType(), component.index(), parameters));
        }
        return new Prepared.Ready(new OutboundContent.Template(template.name(), template.language(), components));
    }

    private record Upload(String mediaId, Prepared failure) {
    }

    private Upload upload(GraphAccount account, MediaUpload upload, String filename) throws InterruptedException {
        byte[] bytes = upload.bytes();
        if (bytes == null) {
            try {
                bytes = fetch(upload.fetchUrl());
            } catch (IOException e) {
                return new Upload(null, new Prepared.Unavailable("cannot fetch " + upload.fetchUrl() + ": " + e));
            }
        }
        if (upload.sha256() != null && !upload.sha256().equalsIgnoreCase(sha256(bytes))) {
            return new Upload(null, new Prepared.Unavailable("the file's bytes do not match its sha256"));
        }
        byte[] file = bytes;
        String name = filename == null ? "document" : filename;
        GraphResult result;
        try {
            result = retryPolicy.call(() -> graph.uploadMedia(account, file, upload.mimeType(), name),
                    RetryPolicy.RetryListener.NONE);
        } catch (RetryPolicy.StoppedAfterReachingMeta stopped) {
            // an upload that may have reached Meta sends nothing to the customer: the next delivery may upload again
            InterruptedException interrupted = new InterruptedException("interrupted during a media upload");
            interrupted.initCause(stopped);
            throw interrupted;
        }
        if (result instanceof GraphResult.Ok ok && ok.body().path("id").isString()) {
            return new Upload(ok.body().path("id").asString(), null);
        }
        return new Upload(null, new Prepared.UploadFailed(result));
    }

    private byte[] fetch(String url) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = fetcher.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(config.requestTimeout()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length == 0) {
            throw new IOException("HTTP " + response.statusCode());
        }
        return response.body();
    }

    private static boolean hasUpload(OutboundContent.Template template) {
        return template.components().stream().flatMap(c -> c.parameters().stream()).anyMatch(p -> p.upload() != null);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
