package io.wabiz.simulator.chat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.wabiz.simulator.SimulatorProperties;

/** The customers' side as a REST API, for scripts, tests and the chat page. */
@RestController
@RequestMapping("/simulator/customers")
class CustomerController {

    private final ChatStore store;
    private final CustomerActions actions;
    private final StatusFlow statuses;
    private final Clock clock;
    private final Duration customerWindow;

    CustomerController(ChatStore store, CustomerActions actions, StatusFlow statuses, Clock clock,
                       SimulatorProperties properties) {
        this.store = store;
        this.actions = actions;
        this.statuses = statuses;
        this.clock = clock;
        this.customerWindow = properties.customerWindow();
    }

    record NewCustomer(String waId, String name, Boolean reachable) {
    }

    record TextMessage(String text, String name) {
    }

    record ButtonTap(String messageWamid, String buttonId, Integer buttonIndex) {
    }

    record ListPick(String messageWamid, String rowId) {
    }

    record ReadRequest(String messageWamid) {
    }

    record Sent(String wamid) {
    }

    record Chat(ChatStore.CustomerSummary customer, List<ChatMessage> messages) {
    }

    @PostMapping
    ResponseEntity<ChatStore.CustomerSummary> create(@RequestBody NewCustomer body) {
        if (body == null || body.waId() == null) {
            throw new IllegalArgumentException("waId is required");
        }
        String waId = body.waId().replaceAll("[\\s+\\-()]", "");
        boolean created = store.upsertCustomer(waId, body.name(), body.reachable(), clock.instant());
        ChatStore.CustomerSummary summary = summary(waId);
        return created
                ? ResponseEntity.created(URI.create("/simulator/customers/" + waId + "/chat")).body(summary)
                : ResponseEntity.ok(summary);
    }

    @GetMapping
    List<ChatStore.CustomerSummary> customers() {
        return store.summaries(clock.instant(), customerWindow);
    }

    @GetMapping("/{waId}/chat")
    Chat chat(@PathVariable String waId) {
        return new Chat(summary(waId), store.chat(waId));
    }

    @PostMapping("/{waId}/messages")
    ResponseEntity<Sent> text(@PathVariable String waId, @RequestBody TextMessage body) {
        return accepted(actions.text(waId, body == null ? null : body.name(), body == null ? null : body.text()));
    }

    @PostMapping("/{waId}/button-replies")
    ResponseEntity<Sent> button(@PathVariable String waId, @RequestBody ButtonTap body) {
        if (body == null || (body.buttonId() == null && body.buttonIndex() == null)) {
            throw new IllegalArgumentException("messageWamid and buttonId (or buttonIndex) are required");
        }
        return accepted(actions.tapButton(waId, body.messageWamid(), body.buttonId(), body.buttonIndex()));
    }

    @PostMapping("/{waId}/list-replies")
    ResponseEntity<Sent> list(@PathVariable String waId, @RequestBody ListPick body) {
        if (body == null || body.rowId() == null) {
            throw new IllegalArgumentException("messageWamid and rowId are required");
        }
        return accepted(actions.pickListRow(waId, body.messageWamid(), body.rowId()));
    }

    @PostMapping("/{waId}/read")
    Map<String, List<String>> read(@PathVariable String waId, @RequestBody(required = false) ReadRequest body) {
        summary(waId);
        return Map.of("read", statuses.markRead(waId, body == null ? null : body.messageWamid()));
    }

    @PostMapping("/{waId}/window/expire")
    ChatStore.CustomerSummary expireWindow(@PathVariable String waId) {
        store.closeWindow(waId).orElseThrow(() -> new NoSuchElementException("no customer " + waId));
        return summary(waId);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
    }

    private ChatStore.CustomerSummary summary(String waId) {
        return store.summaries(clock.instant(), customerWindow).stream()
                .filter(s -> s.waId().equals(waId))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("no customer " + waId));
    }

    private static ResponseEntity<Sent> accepted(String wamid) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(new Sent(wamid));
    }
}
