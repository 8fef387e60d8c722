package io.wabiz.odoosim.jsonrpc;

import io.micrometer.core.instrument.MeterRegistry;
import io.wabiz.odoosim.faults.Fault;
import io.wabiz.odoosim.faults.Faults;
import io.wabiz.odoosim.odoo.OdooServer;
import io.wabiz.odoosim.orm.OdooError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /jsonrpc} as Odoo answers it (O16-O18 {@code odoo/http.py JsonRPCDispatcher}): only
 * {@code application/json} or {@code application/json-rpc}; {@code method} ignored, {@code params} an object,
 * {@code id} echoed; HTTP 200 for results and errors alike, keys in the order {@code jsonrpc, id, result|error},
 * no {@code result} when the method returned None; plain-text HTTP 400 for a body that is not JSON or not an object.
 */
@RestController
class JsonRpcController {

    private static final String HTML_400 = "<!doctype html>\n<html lang=en>\n<title>400 Bad Request</title>\n"
            + "<h1>Bad Request</h1>\n<p>Request inferred type is compatible with [&#39;http&#39;] but /jsonrpc is "
            + "type=json.</p>\n";

    private final OdooServer server;
    private final Faults faults;
    private final RpcLog log;
    private final MeterRegistry meters;
    private final Clock clock;

    JsonRpcController(OdooServer server, Faults faults, RpcLog log, MeterRegistry meters, Clock clock) {
        this.server = server;
        this.faults = faults;
        this.log = log;
        this.meters = meters;
        this.clock = clock;
    }

    @PostMapping("/jsonrpc")
    void jsonrpc(@RequestBody(required = false) byte[] body, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        String mime = contentType.split(";")[0].strip();
        if (!mime.equals("application/json") && !mime.equals("application/json-rpc")) {
            plain(response, 400, "text/html; charset=utf-8", HTML_400);
            return;
        }
        Object parsed;
        try {
            parsed = PythonJson.parse(body == null ? new byte[0] : body);
        } catch (IllegalArgumentException e) {
            plain(response, 400, "text/plain; charset=utf-8", "Invalid JSON data");
            return;
        }
        if (!(parsed instanceof Map<?, ?> envelope)) {
            plain(response, 400, "text/plain; charset=utf-8", "Invalid JSON-RPC data");
            return;
        }
        Object id = envelope.get("id");
        Map<?, ?> params = envelope.get("params") instanceof Map<?, ?> p ? p : Map.of();
        String service = params.get("service") instanceof String s ? s : null;
        String method = params.get("method") instanceof String m ? m : null;
        List<Object> args = params.get("args") instanceof List<?> a ? new ArrayList<>(a) : new ArrayList<>();
        String model = "object".equals(service) && args.size() > 3 && args.get(3) instanceof String s ? s : null;
        String modelMethod = "object".equals(service) && args.size() > 4 && args.get(4) instanceof String s ? s : null;
        List<Long> recordIds = recordIds(args);
        long start = System.nanoTime();

        Optional<Fault> fault = faults.take(modelMethod != null ? modelMethod : method, model);
        if (fault.isPresent() && playBefore(fault.get(), response)) {
            record(service, method, model, modelMethod, recordIds, "fault " + fault.get().kind(), null, start);
            return;
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jsonrpc", "2.0");
        answer.put("id", id);
        String outcome;
        String message = null;
        try {
            if (fault.isPresent() && fault.get().kind() != Fault.Kind.SLOW) {
                throw errorOf(fault.get());
            }
            if (service == null || method == null) {
                throw OdooError.typeError("jsonrpc() missing required argument: 'service' and 'method'");
            }
            Object result = server.dispatch(service, method, args, request.getRemoteAddr());
            if (result != null) {
                answer.put("result", result);
                outcome = "result";
            } else {
                outcome = "none";
            }
        } catch (OdooError e) {
            answer.put("error", error(e));
            outcome = e.pythonClass();
            message = e.getMessage();
        }
        if (fault.isPresent() && fault.get().kind() == Fault.Kind.SLOW && fault.get().afterWork()) {
            sleep(fault.get());
        }
        plain(response, 200, "application/json; charset=utf-8", PythonJson.write(answer));
        record(service, method, model, modelMethod, recordIds, outcome, message, start);
    }

    /** {@code args[5][0]} of {@code execute_kw} when it is a list of ids (record methods), for the call log. */
    private static List<Long> recordIds(List<Object> args) {
        if (args.size() > 5 && args.get(5) instanceof List<?> methodArgs && !methodArgs.isEmpty()
                && methodArgs.getFirst() instanceof List<?> first && !first.isEmpty()
                && first.stream().allMatch(Number.class::isInstance)) {
            return first.stream().map(n -> ((Number) n).longValue()).toList();
        }
        return List.of();
    }

    /** @return true when the fault answered the call itself */
    private boolean playBefore(Fault fault, HttpServletResponse response) throws IOException {
        switch (fault.kind()) {
            case BAD_GATEWAY -> {
                plain(response, 502, "text/html", "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n"
                        + "</html>\r\n");
                return true;
            }
            case UNAVAILABLE -> {
                plain(response, 503, "text/html", "<html>\r\n<head><title>503 Service Temporarily Unavailable</title>"
                        + "</head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n"
                        + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n");
                return true;
            }
            case DROP_CONNECTION -> {
                // promise more than is sent, then close (not keep-alive, else the client waits for the rest until
                // the connector's idle timeout): the client reads a truncated answer
                response.setStatus(200);
                response.setHeader("Connection", "close");
                response.setContentType("application/json; charset=utf-8");
                response.setContentLength(4096);
                response.getOutputStream().write("{\"jsonrpc\": \"2.0\", ".getBytes(StandardCharsets.UTF_8));
                response.flushBuffer();
                return true;
            }
            case SLOW -> {
                if (!fault.afterWork()) {
                    sleep(fault);
                }
                return false;
            }
            default -> {
                return false;
            }
        }
    }

    private static OdooError errorOf(Fault fault) {
        return switch (fault.kind()) {
            case SERIALIZATION_FAILURE -> OdooError.serializationFailure();
            case ACCESS_DENIED -> OdooError.accessDenied("Access Denied");
            case ACCESS_ERROR -> OdooError.accessError(fault.message() != null ? fault.message()
                    : "You are not allowed to modify 'Sales Order' (sale.order) records.\n\nThis operation is allowed "
                    + "for the following groups:\n\t- Sales/User: Own Documents Only\n\nContact your administrator "
                    + "to request access if necessary.");
            case USER_ERROR -> OdooError.userError(fault.message() != null ? fault.message() : "Simulated user error");
            default -> throw new IllegalStateException("not an Odoo error: " + fault.kind());
        };
    }

    /** {@code data} as {@code serialize_exception} builds it: name, debug, message, arguments, context. */
    private static Map<String, Object> error(OdooError e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("name", e.pythonClass());
        data.put("debug", e.traceback());
        data.put("message", e.getMessage());
        data.put("arguments", e.arguments());
        data.put("context", Map.of());
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", 200);
        error.put("message", "Odoo Server Error");
        error.put("data", data);
        return error;
    }

    private static void sleep(Fault fault) {
        try {
            Thread.sleep(fault.delay());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void record(String service, String method, String model, String modelMethod, List<Long> recordIds,
                        String outcome, String message, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.add(clock.instant(), service, method, model, modelMethod, recordIds, outcome, message, millis);
        meters.counter("odoo.simulator.rpc.calls", "service", String.valueOf(service), "method",
                String.valueOf(modelMethod != null ? modelMethod : method), "outcome", outcome).increment();
    }

    private static void plain(HttpServletResponse response, int status, String contentType, String body)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.setContentType(contentType);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }
}
