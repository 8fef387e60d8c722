package io.wabiz.simulator.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.simulator.faults.GraphFault;
import io.wabiz.simulator.faults.GraphFaults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Meta's Graph API paths ({@code /v23.0/...}, any version): checks the bearer token, delegates to
 * {@link GraphApi}, answers Meta-shaped errors, and records every call with its outcome.
 */
@RestController
@RequestMapping(path = "/{version:v\\d+\\.\\d+}", produces = MediaType.APPLICATION_JSON_VALUE)
class GraphApiController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final GraphApi graph;
    private final GraphRequestLog requests;
    private final JsonMapper json;
    private final Clock clock;
    private final byte[] expectedAuthorization;
    private final MeterRegistry meters;
    private final GraphFaults faults;

    GraphApiController(GraphApi graph, GraphRequestLog requests, JsonMapper json, Clock clock,
                       io.wabiz.simulator.SimulatorProperties properties, MeterRegistry meters, GraphFaults faults) {
        this.meters = meters;
        this.faults = faults;
        this.graph = graph;
        this.requests = requests;
        this.json = json;
        this.clock = clock;
        this.expectedAuthorization = ("Bearer " + properties.accessToken()).getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping("/{phoneNumberId}/messages")
    ResponseEntity<JsonNode> send(@PathVariable String phoneNumberId,
                                  @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                  @RequestBody(required = false) String body, HttpServletRequest request) {
        Optional<GraphFault> fault = faults.take();
        if (fault.isPresent() && fault.get().kind() != GraphFault.Kind.STALL) {
            return handle(request, phoneNumberId, authorization, body, () -> {
                throw fault.get().kind() == GraphFault.Kind.THROTTLE ? MetaRejection.throttled()
                        : MetaRejection.temporarilyUnavailable();
            });
        }
        ResponseEntity<JsonNode> answer = handle(request, phoneNumberId, authorization, body,
                () -> graph.send(phoneNumberId, body));
        fault.ifPresent(stall -> {
            try {
                Thread.sleep(stall.delay()); // accepted already: the caller's timeout expires first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return answer;
    }

    @PostMapping("/{phoneNumberId}/media")
    ResponseEntity<JsonNode> upload(@PathVariable String phoneNumberId,
                                    @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                    @RequestParam(value = "file", required = false) MultipartFile file,
                                    @RequestParam(value = "type", required = false) String type,
                                    HttpServletRequest request) {
        String summary = file == null ? "no file" : "file " + file.getOriginalFilename() + " (" + file.getSize()
                + " bytes, " + (type != null ? type : file.getContentType()) + ")";
        return handle(request, phoneNumberId, authorization, summary, () -> {
            try {
                return graph.upload(phoneNumberId, file == null ? null : file.getBytes(),
                        type != null ? type : file == null ? null : file.getContentType(),
                        file == null ? null : file.getOriginalFilename());
            } catch (IOException e) {
                throw MetaRejection.invalidParameter("The file could not be read: " + e.getMessage());
            }
        });
    }

    @GetMapping("/{objectId}")
    ResponseEntity<JsonNode> object(@PathVariable String objectId,
                                    @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                    HttpServletRequest request) {
        String baseUrl = ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        return handle(request, objectId, authorization, null, () -> graph.object(objectId, baseUrl));
    }

    @DeleteMapping("/{mediaId}")
    ResponseEntity<JsonNode> deleteMedia(@PathVariable String mediaId,
                                         @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                         HttpServletRequest request) {
        return handle(request, null, authorization, null, () -> graph.deleteMedia(mediaId));
    }

    @GetMapping("/{wabaId}/phone_numbers")
    ResponseEntity<JsonNode> phoneNumbers(@PathVariable String wabaId,
                                          @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                          HttpServletRequest request) {
        return handle(request, null, authorization, null, () -> graph.phoneNumbers(wabaId));
    }

    @GetMapping("/{wabaId}/subscribed_apps")
    ResponseEntity<JsonNode> subscribedApps(@PathVariable String wabaId,
                                            @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                            HttpServletRequest request) {
        return handle(request, null, authorization, null, () -> graph.subscribedApps(wabaId));
    }

    @GetMapping("/{wabaId}/message_templates")
    ResponseEntity<JsonNode> templates(@PathVariable String wabaId,
                                       @RequestHeader(value = HttpHeaders.AUTHORIZATION, required = false) String authorization,
                                       @RequestParam(required = false) Integer limit,
                                       @RequestParam(required = false) String after,
                                       @RequestParam(required = false) String before,
                                       @RequestParam(required = false) String name,
                                       @RequestParam(required = false) String status,
                                       HttpServletRequest request) {
        return handle(request, null, authorization, null, () -> graph.templates(wabaId, limit, after, before, name,
                status, (parameter, cursor) -> ServletUriComponentsBuilder.fromCurrentRequest()
                        .replaceQueryParam("after").replaceQueryParam("before")
                        .replaceQueryParam(parameter, cursor).build().toUriString()));
    }

    private ResponseEntity<JsonNode> handle(HttpServletRequest request, String phoneNumberId, String authorization,
                                            String body, Supplier<GraphApi.Answer> call) {
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            if (authorization == null || !MessageDigest.isEqual(expectedAuthorization,
                    authorization.getBytes(StandardCharsets.UTF_8))) {
                throw MetaRejection.invalidAccessToken();
            }
            GraphApi.Answer answer = call.get();
            requests.add(new GraphRequestLog.Entry(clock.instant(), request.getMethod(), path, phoneNumberId, 200,
                    GraphRequestLog.Outcome.ACCEPTED, null, null, answer.wamid(), body));
            meters.counter("simulator.graph.requests", "outcome", "accepted", "code", "none").increment();
            return ResponseEntity.ok(answer.body());
        } catch (MetaRejection rejection) {
            requests.add(new GraphRequestLog.Entry(clock.instant(), request.getMethod(), path, phoneNumberId,
                    rejection.httpStatus(), GraphRequestLog.Outcome.REJECTED, rejection.code(),
                    rejection.details() != null ? rejection.details() : rejection.title(), null, body));
            meters.counter("simulator.graph.requests", "outcome", "rejected", "code", Integer.toString(rejection.code()))
                    .increment();
            return ResponseEntity.status(rejection.httpStatus()).body(errorJson(rejection));
        }
    }

    private JsonNode errorJson(MetaRejection rejection) {
        ObjectNode root = json.createObjectNode();
        ObjectNode error = root.putObject("error");
        error.put("message", rejection.metaMessage());
        error.put("type", rejection.type());
        error.put("code", rejection.code());
        if (rejection.subcode() != null) {
            error.put("error_subcode", rejection.subcode());
        }
        if (rejection.details() != null) {
            error.putObject("error_data").put("messaging_product", "whatsapp").put("details", rejection.details());
        }
        byte[] trace = new byte[16];
        RANDOM.nextBytes(trace);
        error.put("fbtrace_id", "A" + Base64.getUrlEncoder().withoutPadding().encodeToString(trace).substring(0, 22));
        return root;
    }
}
